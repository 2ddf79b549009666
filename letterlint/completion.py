"""Shell completion scripts for bash and zsh, generated from the argument parser.

``letterlint completion bash`` prints a script to ``source`` (or to install as
``/etc/bash_completion.d/letterlint``); ``letterlint completion zsh`` one for
a folder on ``$fpath`` (as ``_letterlint``).  The scripts are static: the
subcommands, each one's options, and the choices of options such as
``--format`` are written into them, so completing never starts Python, and
letterlint's normal start-up imports nothing for completion.  Paths complete
as files.  Regenerate after upgrading letterlint.
"""
from __future__ import annotations

import argparse


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return dict(parser.commands)


def _options(sub: argparse.ArgumentParser) -> list[tuple[list[str], list[str] | None, str, bool]]:
    """(option strings, choices, help, takes a value) for each option of a subcommand."""
    out = []
    for action in sub._actions:
        if not action.option_strings:
            continue
        choices = [str(c) for c in action.choices] if action.choices else None
        takes_value = action.nargs != 0
        out.append((list(action.option_strings), choices, action.help or "", takes_value))
    return out


def _positional_choices(sub: argparse.ArgumentParser) -> list[str] | None:
    for action in sub._actions:
        if not action.option_strings and action.choices:
            return [str(c) for c in action.choices]
    return None


def bash(parser: argparse.ArgumentParser) -> str:
    cases = []
    for name, sub in _commands(parser).items():
        opts = " ".join(o for strings, _, _, _ in _options(sub) for o in strings)
        value_cases = []
        for strings, choices, _, takes_value in _options(sub):
            if takes_value:
                words = " ".join(choices) if choices else ""
                action = f'COMPREPLY=($(compgen -W "{words}" -- "$cur")); return' if choices else \
                    'COMPREPLY=($(compgen -f -- "$cur")); return'
                value_cases.append(f"                {'|'.join(strings)}) {action};;")
        positional = _positional_choices(sub)
        tail = (f'COMPREPLY=($(compgen -W "{" ".join(positional)}" -- "$cur"))' if positional
                else 'COMPREPLY=($(compgen -f -- "$cur"))')
        cases.append(f"""        {name})
            case "$prev" in
{chr(10).join(value_cases) or '                __none__) ;;'}
            esac
            if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "{opts}" -- "$cur")); else {tail}; fi
            ;;""")
    commands = " ".join(_commands(parser))
    return f"""# bash completion for letterlint (letterlint completion bash)
_letterlint() {{
    local cur prev cmd i
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    cmd=check
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            {'|'.join(_commands(parser))}) cmd="${{COMP_WORDS[i]}}"; break;;
        esac
    done
    if [[ $COMP_CWORD -eq 1 && "$cur" != -* && "$cur" != */* ]]; then
        COMPREPLY=($(compgen -W "{commands}" -- "$cur") $(compgen -f -- "$cur"))
        return
    fi
    case "$cmd" in
{chr(10).join(cases)}
    esac
}}
complete -o filenames -o bashdefault -F _letterlint letterlint
"""


def _zsh_quote(text: str) -> str:
    return text.replace("'", "'\\''").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:")


def zsh(parser: argparse.ArgumentParser) -> str:
    functions = []
    for name, sub in _commands(parser).items():
        specs = []
        for strings, choices, help_text, takes_value in _options(sub):
            value = ""
            if takes_value:
                value = f":value:({' '.join(choices)})" if choices else ":file:_files"
            spec = f"[{_zsh_quote(help_text)}]{value}"
            if len(strings) > 1:
                specs.append(f"'({' '.join(strings)})'{{{','.join(strings)}}}'{spec}'")
            else:
                specs.append(f"'{strings[0]}{spec}'")
        positional = _positional_choices(sub)
        specs.append(f"'*:arg:({' '.join(positional)})'" if positional else "'*:file:_files'")
        body = " \\\n        ".join(specs)
        functions.append(f"_letterlint_{name}() {{\n    _arguments -s \\\n        {body}\n}}")
    described = "\n        ".join(f"'{n}:{_zsh_quote(s.description or '')}'" for n, s in _commands(parser).items())
    return f"""#compdef letterlint
# zsh completion for letterlint (letterlint completion zsh > "${{fpath[1]}}/_letterlint")
{chr(10).join(functions)}

_letterlint() {{
    local -a commands
    commands=(
        {described}
    )
    if (( CURRENT == 2 )) && [[ $words[2] != -* ]]; then
        _describe -t commands 'letterlint 子命令' commands
        _files
        return
    fi
    local cmd=check
    if (( ${{+commands[(r)$words[2]:*]}} )); then
        cmd=$words[2]
        shift words; (( CURRENT-- ))
    fi
    _letterlint_$cmd
}}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _letterlint "$@"
else
    compdef _letterlint letterlint
fi
"""


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    return {"bash": bash, "zsh": zsh}[shell](parser)
