#compdef nsip
# zsh completion for nsip: reuses the bash completion through bashcompinit.
autoload -U +X bashcompinit && bashcompinit
source '@BASH_COMPLETION@'
# Autoloaded by compinit for the first TAB: answer it too (later ones go
# straight to _bash_complete, which the bash part registered).
if (( $+compstate )); then
	_bash_complete -F _nsip
fi
