#compdef nsip
# zsh completion for nsip: reuses the bash completion through bashcompinit.
autoload -U +X bashcompinit && bashcompinit
source '@BASH_COMPLETION@'
