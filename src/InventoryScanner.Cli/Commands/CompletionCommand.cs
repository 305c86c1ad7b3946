using System.CommandLine;

namespace InventoryScanner.Cli.Commands;

/// <summary>
/// <c>inventory completion bash|zsh|pwsh</c>: prints a script that gives the shell tab completion of commands, options
/// and their values. The script asks the tool itself through System.CommandLine's <c>[suggest:position]</c> directive,
/// so what it completes is always what this version parses; nothing else needs to be installed.
/// </summary>
internal static class CompletionCommand
{
    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        ["bash"] = """
            # inventory tab completion for bash: add  source <(inventory completion bash)  to ~/.bashrc
            _inventory_complete() {
              local IFS=$'\n'
              local candidates
              candidates=$(inventory "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
              COMPREPLY=( $(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}") )
            }
            complete -o default -o bashdefault -F _inventory_complete inventory
            """,
        ["zsh"] = """
            # inventory tab completion for zsh: add  source <(inventory completion zsh)  to ~/.zshrc
            autoload -U +X bashcompinit && bashcompinit
            _inventory_complete() {
              local IFS=$'\n'
              local candidates
              candidates=$(inventory "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
              COMPREPLY=( $(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}") )
            }
            complete -o default -F _inventory_complete inventory
            """,
        ["pwsh"] = """
            # inventory tab completion for PowerShell: add  inventory completion pwsh | Out-String | Invoke-Expression  to $PROFILE
            Register-ArgumentCompleter -Native -CommandName inventory -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                inventory "[suggest:$cursorPosition]" "$commandAst" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }
            """,
    };

    public static Command Create(TextWriter output)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or pwsh." };
        shell.AcceptOnlyFromAmong([.. Scripts.Keys]);
        var command = new Command("completion", "Print a tab-completion script for bash, zsh or PowerShell (see its first line for how to load it).") { shell };
        command.SetAction(parseResult =>
        {
            output.WriteLine(Scripts[parseResult.GetValue(shell)!]);
            return ExitCodes.Success;
        });
        return command;
    }
}
