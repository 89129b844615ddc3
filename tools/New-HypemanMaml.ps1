#Requires -Version 7.4
<#
.SYNOPSIS
    Builds the module's MAML help (Hypeman.PowerShell.dll-Help.xml) and about_Hypeman.help.txt
    from the platyPS-format markdown in docs/en-US.

.DESCRIPTION
    Facts (parameter sets, types, mandatory, positions, pipeline input, aliases, wildcards, output
    types, input types) are read by reflection from the built module's cmdlets. Prose (synopsis,
    description, examples, parameter descriptions, inputs/outputs text, notes, related links) comes
    from docs/en-US/<Verb-Noun>.md written in the platyPS 0.14 markdown format (schema 2.0.0).

    The script fails (exit code 1, one line per problem on stderr) when a cmdlet has no markdown
    file, a SYNOPSIS or DESCRIPTION is empty or still a {{ Fill ... }} placeholder, a parameter is
    undocumented or has no description, a documented parameter does not exist, a cmdlet has fewer
    than two examples, an example has no code, a parameter's yaml block contradicts the cmdlet
    (Type, Required, Position, Accept pipeline input), or about_Hypeman.md is missing.

    -UpdateMarkdown first creates a stub <Verb-Noun>.md for every cmdlet that has none and rewrites
    the ## SYNTAX block and every parameter's ```yaml block from the facts; prose is left alone.

    Rules worth knowing when writing the markdown:
    - A parameter that belongs to several parameter sets with different metadata gets one yaml
      block per group of sets (as platyPS writes it). Get-Help -Parameter shows one description
      of it: its metadata in the default parameter set when it is in that set, else in the first
      set (CommandInfo.ParameterSets order) that has it.
    - 'Default value:' is the author's when it is not None; otherwise the value a new cmdlet object
      holds, for value types only (strings are often filled from the machine, e.g. the user name).
    - -WhatIf and -Confirm get the standard descriptions unless the markdown documents them.
    - INPUTS lists the types of the parameters that take pipeline input plus any type the markdown
      names; OUTPUTS lists the [OutputType] types plus any the markdown names. The text under a
      '### TypeName' heading becomes that type's description.
    - Relative links under RELATED LINKS (Other-Cmdlet.md) keep only their text in Get-Help.

    The module must be imported into a clean session: when a module named Hypeman is already
    loaded, the script re-runs itself in a child 'pwsh -NoProfile'.

.EXAMPLE
    pwsh -NoProfile -File tools/New-HypemanMaml.ps1 -ModulePath out/Hypeman/0.1.0/Hypeman.psd1

.EXAMPLE
    pwsh -NoProfile -File tools/New-HypemanMaml.ps1 -ModulePath out/Hypeman/0.1.0/Hypeman.psd1 -UpdateMarkdown
#>
[CmdletBinding()]
param(
    # The built module's manifest (out/Hypeman/<version>/Hypeman.psd1).
    [Parameter(Mandatory)]
    [string] $ModulePath,

    # The markdown help source folder.
    [string] $DocsPath = (Join-Path $PSScriptRoot '..' 'docs' 'en-US'),

    # Where the MAML and the about topic are written; defaults to <module folder>/en-US.
    [string] $OutputPath,

    # Create stubs for undocumented cmdlets and refresh SYNTAX and yaml blocks from the facts.
    [switch] $UpdateMarkdown
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$ModuleName = 'Hypeman'

#region Child process ---------------------------------------------------------------------------

function Get-PwshCommand {
    # The pwsh that runs this script, as a command line prefix: under 'dotnet pwsh' (a dotnet
    # local tool) the process is dotnet itself and pwsh.dll must be passed to it.
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        return @($exe, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($exe)
}

if (Get-Module -Name $ModuleName) {
    # A loaded binary module cannot be unloaded or reliably re-imported: use a fresh process.
    $pwsh = Get-PwshCommand
    $childArgs = @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath, '-ModulePath', $ModulePath, '-DocsPath', $DocsPath)
    if ($OutputPath) { $childArgs += @('-OutputPath', $OutputPath) }
    if ($UpdateMarkdown) { $childArgs += '-UpdateMarkdown' }
    $exe = $pwsh[0]
    $prefix = @($pwsh | Select-Object -Skip 1)
    & $exe @prefix @childArgs
    exit $LASTEXITCODE
}

#endregion

#region Constants -------------------------------------------------------------------------------

function Test-HiddenParameter($Command, [string] $Name) {
    [bool]($Command.Parameters[$Name].Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
}

$CommonParameterNames = [Collections.Generic.HashSet[string]]::new(
    [string[]]([System.Management.Automation.PSCmdlet]::CommonParameters), [StringComparer]::OrdinalIgnoreCase)
$ShouldProcessParameterNames = @('WhatIf', 'Confirm')
$StandardDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}
$CommonParametersText = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, ' +
    '-InformationAction, -InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, ' +
    '-Verbose, -WarningAction, and -WarningVariable. For more information, see ' +
    '[about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).'
$NsMsh = 'http://msh'
$NsMaml = 'http://schemas.microsoft.com/maml/2004/10'
$NsCommand = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$NsDev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$NsMSHelp = 'http://msdn.microsoft.com/mshelp'
$Utf8NoBom = [Text.UTF8Encoding]::new($false)

$script:Problems = [Collections.Generic.List[string]]::new()
function Add-Problem([string] $Message) { $script:Problems.Add($Message) }
function Add-Lines($List, $Items) { foreach ($item in $Items) { $List.Add([string]$item) } }

#endregion

#region Facts (reflection) ----------------------------------------------------------------------

function Get-TypeDisplayName([type] $Type) {
    # Short names as platyPS writes them in markdown (String[], SwitchParameter, Hashtable).
    if ($Type.IsArray) { return (Get-TypeDisplayName $Type.GetElementType()) + '[]' }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return Get-TypeDisplayName $underlying }
    if ($Type.IsGenericType) {
        $base = $Type.Name.Substring(0, $Type.Name.IndexOf('`'))
        return $base + '[' + (($Type.GetGenericArguments() | ForEach-Object { Get-TypeDisplayName $_ }) -join ',') + ']'
    }
    return $Type.Name
}

function Get-TypeFullName([type] $Type) {
    if ($Type.IsArray) { return (Get-TypeFullName $Type.GetElementType()) + '[]' }
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return Get-TypeFullName $underlying }
    if ($Type.IsGenericType) {
        $base = $Type.GetGenericTypeDefinition().FullName
        $base = $base.Substring(0, $base.IndexOf('`'))
        return $base + '[' + (($Type.GetGenericArguments() | ForEach-Object { Get-TypeFullName $_ }) -join ',') + ']'
    }
    return $Type.FullName
}

function Format-PipelineInput([bool] $ByValue, [bool] $ByPropertyName) {
    if ($ByValue -and $ByPropertyName) { return 'True (ByValue, ByPropertyName)' }
    if ($ByValue) { return 'True (ByValue)' }
    if ($ByPropertyName) { return 'True (ByPropertyName)' }
    return 'False'
}

function Format-Position([int] $Position) {
    if ($Position -lt 0) { return 'Named' }
    return [string]$Position
}

function Get-DefaultValueFact($Instance, [string] $PropertyName, [type] $Type) {
    # The value a fresh cmdlet object holds, for value types only (numbers, TimeSpan, enums):
    # strings and objects are often filled from the machine (user name, paths), which must not
    # end up in the help. $null means "nothing to say" (the author's text or None is used).
    if ($Type -eq [System.Management.Automation.SwitchParameter]) { return 'False' }
    $valueType = [Nullable]::GetUnderlyingType($Type) ?? $Type
    if ($null -eq $Instance -or -not $valueType.IsValueType) { return $null }
    $property = $Instance.GetType().GetProperty($PropertyName)
    if ($null -eq $property -or -not $property.CanRead) { return $null }
    try { $value = $property.GetValue($Instance) } catch { return $null }
    if ($null -eq $value -or $value.Equals([Activator]::CreateInstance($valueType))) { return $null }
    return [string]$value
}

function Get-CmdletFacts([System.Management.Automation.CmdletInfo] $Command) {
    $instance = $null
    try { $instance = [Activator]::CreateInstance($Command.ImplementingType) } catch { }

    $sets = @($Command.ParameterSets)
    $defaultSet = $sets | Where-Object IsDefault | Select-Object -First 1
    $setNames = @($sets | ForEach-Object Name)
    $multiSet = $sets.Count -gt 1

    $parameters = [ordered]@{}
    foreach ($set in $sets) {
        foreach ($p in $set.Parameters) {
            if ($CommonParameterNames.Contains($p.Name)) { continue }
            # DontShow parameters are internal (bound from piped objects); help, like tab completion, leaves them out.
            if (Test-HiddenParameter $Command $p.Name) { continue }
            if (-not $parameters.Contains($p.Name)) {
                $metadata = $Command.Parameters[$p.Name]
                $wildcards = [bool]($metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                $isSwitch = $p.ParameterType -eq [System.Management.Automation.SwitchParameter]
                $validateSet = $metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
                $elementType = if ($p.ParameterType.IsArray) { $p.ParameterType.GetElementType() } else { $p.ParameterType }
                $elementType = [Nullable]::GetUnderlyingType($elementType) ?? $elementType
                $accepted = if ($validateSet) { @($validateSet.ValidValues) }
                elseif ($elementType.IsEnum) { @([Enum]::GetNames($elementType)) }
                else { @() }
                $parameters[$p.Name] = [pscustomobject]@{
                    Name         = $p.Name
                    Type         = $p.ParameterType
                    TypeName     = Get-TypeDisplayName $p.ParameterType
                    TypeFullName = Get-TypeFullName $p.ParameterType
                    IsSwitch     = $isSwitch
                    Aliases      = @($metadata.Aliases)
                    AcceptedValues = @($accepted)
                    Wildcards    = $wildcards
                    DefaultValue = Get-DefaultValueFact $instance $p.Name $p.ParameterType
                    IsShouldProcess = $ShouldProcessParameterNames -contains $p.Name
                    Sets         = [ordered]@{}
                }
            }
            $parameters[$p.Name].Sets[$set.Name] = [pscustomobject]@{
                SetName      = $set.Name
                IsDefaultSet = $set.IsDefault
                Required     = [bool]$p.IsMandatory
                Position     = [int]$p.Position
                ByValue      = [bool]$p.ValueFromPipeline
                ByPropertyName = [bool]$p.ValueFromPipelineByPropertyName
                Pipeline     = Format-PipelineInput $p.ValueFromPipeline $p.ValueFromPipelineByPropertyName
            }
        }
    }

    foreach ($param in $parameters.Values) {
        # The set that describes the parameter in command:parameters (and in Get-Help -Parameter):
        # the default set when the parameter is in it, else the first set that has it.
        $primary = $null
        if ($defaultSet -and $param.Sets.Contains($defaultSet.Name)) { $primary = $param.Sets[$defaultSet.Name] }
        else { $primary = @($param.Sets.Values)[0] }
        $param | Add-Member -NotePropertyName Primary -NotePropertyValue $primary
        $param | Add-Member -NotePropertyName InAllSets -NotePropertyValue ($param.Sets.Count -eq $setNames.Count)
        $param | Add-Member -NotePropertyName Blocks -NotePropertyValue @(Get-ParameterBlocks $param)
    }

    $inputTypes = [Collections.Generic.List[string]]::new()
    foreach ($param in $parameters.Values) {
        foreach ($s in $param.Sets.Values) {
            if ($s.ByValue -or $s.ByPropertyName) {
                $t = $param.Type
                if ($t.IsArray) { $t = $t.GetElementType() }
                $name = Get-TypeFullName $t
                if (-not $inputTypes.Contains($name)) { $inputTypes.Add($name) }
            }
        }
    }
    $outputTypes = [Collections.Generic.List[string]]::new()
    foreach ($o in $Command.OutputType) {
        if ($o.Name -and $o.Name -ne 'System.Void' -and -not $outputTypes.Contains($o.Name)) { $outputTypes.Add($o.Name) }
    }

    [pscustomobject]@{
        Name        = $Command.Name
        Verb        = $Command.Verb
        Noun        = $Command.Noun
        HelpUri     = $Command.HelpUri
        HelpFile    = [IO.Path]::GetFileName($Command.HelpFile)
        Sets        = $sets
        SetNames    = $setNames
        MultiSet    = $multiSet
        DefaultSet  = if ($defaultSet) { $defaultSet.Name } else { $null }
        Parameters  = $parameters
        InputTypes  = @($inputTypes)
        OutputTypes = @($outputTypes)
    }
}

function Get-ParameterBlocks($Param) {
    # Groups the parameter's sets by identical metadata, as platyPS writes one yaml block per group.
    $groups = [ordered]@{}
    foreach ($s in $Param.Sets.Values) {
        $key = '{0}|{1}|{2}' -f $s.Required, $s.Position, $s.Pipeline
        if (-not $groups.Contains($key)) { $groups[$key] = [Collections.Generic.List[object]]::new() }
        $groups[$key].Add($s)
    }
    foreach ($g in $groups.Values) {
        $first = $g[0]
        [pscustomobject]@{
            SetNames = @($g | ForEach-Object SetName)
            Required = $first.Required
            Position = $first.Position
            Pipeline = $first.Pipeline
        }
    }
}

function Get-ParameterOrder($Facts, [string] $SetName) {
    # Syntax order: positional parameters by position, then mandatory named ones, then the
    # optional ones (declaration order inside each group), -WhatIf and -Confirm last.
    $inSet = @($Facts.Parameters.Values | Where-Object { $_.Sets.Contains($SetName) })
    $positional = @($inSet | Where-Object { -not $_.IsShouldProcess -and $_.Sets[$SetName].Position -ge 0 } |
            Sort-Object { $_.Sets[$SetName].Position })
    $mandatory = @($inSet | Where-Object { -not $_.IsShouldProcess -and $_.Sets[$SetName].Position -lt 0 -and $_.Sets[$SetName].Required })
    $optional = @($inSet | Where-Object { -not $_.IsShouldProcess -and $_.Sets[$SetName].Position -lt 0 -and -not $_.Sets[$SetName].Required })
    $shouldProcess = @('WhatIf', 'Confirm' | ForEach-Object { $n = $_; $inSet | Where-Object Name -eq $n })
    return @($positional + $mandatory + $optional + $shouldProcess)
}

function Format-SyntaxLine($Facts, [string] $SetName) {
    $parts = [Collections.Generic.List[string]]::new()
    $parts.Add($Facts.Name)
    foreach ($p in Get-ParameterOrder $Facts $SetName) {
        $s = $p.Sets[$SetName]
        $name = if ($s.Position -ge 0) { "[-$($p.Name)]" } else { "-$($p.Name)" }
        $text = if ($p.IsSwitch) { $name } else { "$name <$($p.TypeName)>" }
        if ($p.IsSwitch -and $s.Position -ge 0) { $text = "-$($p.Name)" }
        if (-not $s.Required) { $text = "[$text]" }
        $parts.Add($text)
    }
    $parts.Add('[<CommonParameters>]')
    # Wrap like platyPS: continuation lines start with a space.
    $lines = [Collections.Generic.List[string]]::new()
    $current = ''
    foreach ($part in $parts) {
        if ($current.Length -gt 0 -and ($current.Length + 1 + $part.Length) -gt 110) {
            $lines.Add($current)
            $current = ' ' + $part
        }
        elseif ($current.Length -eq 0) { $current = $part }
        else { $current += ' ' + $part }
    }
    $lines.Add($current)
    return $lines
}

#endregion

#region Markdown parsing ------------------------------------------------------------------------

function Split-Markdown([string[]] $Lines) {
    # Returns front matter (ordered key/value), the H1 title, and H2 sections with their raw lines.
    # Headings inside fenced code blocks are ignored.
    $doc = [pscustomobject]@{
        FrontMatter     = [ordered]@{}
        FrontMatterLines = [Collections.Generic.List[string]]::new()
        Title           = $null
        Preamble        = [Collections.Generic.List[string]]::new()
        Sections        = [Collections.Generic.List[object]]::new()
    }
    $i = 0
    if ($Lines.Count -gt 0 -and $Lines[0].Trim() -eq '---') {
        $i = 1
        while ($i -lt $Lines.Count -and $Lines[$i].Trim() -ne '---') {
            $doc.FrontMatterLines.Add($Lines[$i])
            if ($Lines[$i] -match '^\s*([^:#]+?)\s*:\s*(.*?)\s*$') { $doc.FrontMatter[$Matches[1]] = $Matches[2] }
            $i++
        }
        $i++
    }
    $inFence = $false
    $section = $null
    for (; $i -lt $Lines.Count; $i++) {
        $line = $Lines[$i]
        if ($line -match '^\s*(```|~~~)') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^#\s+(.+?)\s*$' -and $null -eq $doc.Title -and $null -eq $section) {
            $doc.Title = $Matches[1]
            $doc.Preamble.Add($line)
            continue
        }
        if (-not $inFence -and $line -match '^##\s+(.+?)\s*$') {
            $section = [pscustomobject]@{ Name = $Matches[1].Trim().ToUpperInvariant(); Heading = $line; Lines = [Collections.Generic.List[string]]::new() }
            $doc.Sections.Add($section)
            continue
        }
        if ($null -eq $section) { $doc.Preamble.Add($line) } else { $section.Lines.Add($line) }
    }
    return $doc
}

function Get-Section($Doc, [string] $Name) {
    $Doc.Sections | Where-Object Name -eq $Name | Select-Object -First 1
}

function Split-Subsections([Collections.Generic.List[string]] $Lines) {
    # H3 subsections of a section: Intro (lines before the first ###) and the list of subsections.
    $result = [pscustomobject]@{ Intro = [Collections.Generic.List[string]]::new(); Items = [Collections.Generic.List[object]]::new() }
    $inFence = $false
    $current = $null
    foreach ($line in $Lines) {
        if ($line -match '^\s*(```|~~~)') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^###\s+(.+?)\s*$') {
            $current = [pscustomobject]@{ Title = $Matches[1]; Heading = $line; Lines = [Collections.Generic.List[string]]::new() }
            $result.Items.Add($current)
            continue
        }
        if ($null -eq $current) { $result.Intro.Add($line) } else { $current.Lines.Add($line) }
    }
    return $result
}

function Split-Blocks([string[]] $Lines) {
    # Text and fenced code blocks, in order: @{ Kind = 'text'|'code'; Lang; Lines }.
    $blocks = [Collections.Generic.List[object]]::new()
    $current = $null
    $inFence = $false
    foreach ($line in $Lines) {
        if (-not $inFence -and $line -match '^\s*(```|~~~)\s*([\w-]*)') {
            $inFence = $true
            $current = [pscustomobject]@{ Kind = 'code'; Lang = $Matches[2].ToLowerInvariant(); Lines = [Collections.Generic.List[string]]::new() }
            $blocks.Add($current)
            continue
        }
        if ($inFence -and $line -match '^\s*(```|~~~)\s*$') {
            $inFence = $false
            $current = $null
            continue
        }
        if ($inFence) { $current.Lines.Add($line); continue }
        if ($null -eq $current -or $current.Kind -ne 'text') {
            $current = [pscustomobject]@{ Kind = 'text'; Lang = ''; Lines = [Collections.Generic.List[string]]::new() }
            $blocks.Add($current)
        }
        $current.Lines.Add($line)
    }
    return $blocks
}

function ConvertFrom-InlineMarkdown([string] $Text) {
    # Plain text for Get-Help: links become "text (uri)", emphasis markers and escapes go.
    $Text = [regex]::Replace($Text, '!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)', {
            param($m)
            $t = $m.Groups[1].Value; $u = $m.Groups[2].Value
            if ($u -match '^[a-z][a-z0-9+.-]*://') { "$t ($u)" } else { $t }
        })
    $Text = [regex]::Replace($Text, '(\*\*|__)(.+?)\1', '$2')
    $Text = [regex]::Replace($Text, '(?<![\w*])\*(?!\s)([^*]+?)\*(?![\w*])', '$1')
    $Text = [regex]::Replace($Text, '\\([\\`*_{}\[\]()#+\-.!<>|])', '$1')
    return $Text
}

function ConvertTo-Paragraphs([string[]] $Lines) {
    # Markdown prose to MAML paragraphs: blank lines separate paragraphs, list items and code
    # lines stay on their own lines, wrapped prose lines are joined.
    $paras = [Collections.Generic.List[string]]::new()
    foreach ($block in Split-Blocks $Lines) {
        if ($block.Kind -eq 'code') {
            $code = ($block.Lines -join "`n").TrimEnd()
            if ($code) { $paras.Add((($block.Lines | ForEach-Object { '    ' + $_ }) -join "`n").TrimEnd()) }
            continue
        }
        $current = $null
        foreach ($raw in $block.Lines) {
            $line = $raw.TrimEnd()
            if ($line.Trim().Length -eq 0) {
                if ($null -ne $current) { $paras.Add((ConvertFrom-InlineMarkdown $current)); $current = $null }
                continue
            }
            if ($line -match '^\s*([-*+]|\d+[.)])\s+') {
                if ($null -ne $current) { $paras.Add((ConvertFrom-InlineMarkdown $current)) }
                $current = $line.Trim()
                continue
            }
            if ($null -eq $current) { $current = $line.Trim() } else { $current += ' ' + $line.Trim() }
        }
        if ($null -ne $current) { $paras.Add((ConvertFrom-InlineMarkdown $current)) }
    }
    return , $paras.ToArray()
}

function Test-Placeholder([string] $Text) { return $Text -match '\{\{' }

function Read-YamlBlock([string[]] $Lines) {
    $map = [ordered]@{}
    foreach ($line in $Lines) {
        if ($line -match '^\s*([^:]+?)\s*:\s*(.*?)\s*$') { $map[$Matches[1]] = $Matches[2] }
    }
    return $map
}

function Read-HelpMarkdown([string] $Path) {
    $lines = [IO.File]::ReadAllLines($Path)
    $doc = Split-Markdown $lines
    $help = [pscustomobject]@{
        Path        = $Path
        Doc         = $doc
        Title       = $doc.Title
        FrontMatter = $doc.FrontMatter
        Synopsis    = @()
        Description = @()
        Examples    = [Collections.Generic.List[object]]::new()
        Parameters  = [ordered]@{}
        Inputs      = [Collections.Generic.List[object]]::new()
        Outputs     = [Collections.Generic.List[object]]::new()
        Notes       = @()
        Links       = [Collections.Generic.List[object]]::new()
        Sections    = @($doc.Sections | ForEach-Object Name)
    }
    $s = Get-Section $doc 'SYNOPSIS'
    if ($s) { $help.Synopsis = ConvertTo-Paragraphs $s.Lines }
    $s = Get-Section $doc 'DESCRIPTION'
    if ($s) { $help.Description = ConvertTo-Paragraphs $s.Lines }
    $s = Get-Section $doc 'NOTES'
    if ($s) { $help.Notes = ConvertTo-Paragraphs $s.Lines }

    $s = Get-Section $doc 'EXAMPLES'
    if ($s) {
        foreach ($item in (Split-Subsections $s.Lines).Items) {
            $blocks = @(Split-Blocks $item.Lines)
            $codeBlocks = @($blocks | Where-Object Kind -eq 'code')
            $code = (($codeBlocks | ForEach-Object { ($_.Lines -join "`n").Trim("`r", "`n") }) | Where-Object { $_.Trim() }) -join "`n`n"
            $remarkLines = @($blocks | Where-Object Kind -eq 'text' | ForEach-Object { $_.Lines; '' })
            $help.Examples.Add([pscustomobject]@{
                    Title   = $item.Title
                    Code    = $code
                    Remarks = ConvertTo-Paragraphs $remarkLines
                })
        }
    }

    $s = Get-Section $doc 'PARAMETERS'
    if ($s) {
        foreach ($item in (Split-Subsections $s.Lines).Items) {
            if ($item.Title -notmatch '^-(\S+)') { continue }   # ### CommonParameters
            $name = $Matches[1]
            $blocks = @(Split-Blocks $item.Lines)
            $yaml = @($blocks | Where-Object { $_.Kind -eq 'code' -and $_.Lang -eq 'yaml' } | ForEach-Object { Read-YamlBlock $_.Lines })
            $descLines = [Collections.Generic.List[string]]::new()
            foreach ($b in $blocks) {
                if ($b.Kind -eq 'code' -and $b.Lang -eq 'yaml') { continue }
                if ($b.Kind -eq 'code') { $descLines.Add('```' + $b.Lang); Add-Lines $descLines ($b.Lines); $descLines.Add('```') }
                else { Add-Lines $descLines ($b.Lines) }
            }
            $help.Parameters[$name] = [pscustomobject]@{
                Name        = $name
                Description = ConvertTo-Paragraphs $descLines
                Yaml        = $yaml
                Item        = $item
            }
        }
    }

    foreach ($kind in 'INPUTS', 'OUTPUTS') {
        $s = Get-Section $doc $kind
        if (-not $s) { continue }
        $target = $help.Inputs
        if ($kind -eq 'OUTPUTS') { $target = $help.Outputs }
        foreach ($item in (Split-Subsections $s.Lines).Items) {
            $target.Add([pscustomobject]@{ TypeName = $item.Title.Trim(); Description = ConvertTo-Paragraphs $item.Lines })
        }
    }

    $s = Get-Section $doc 'RELATED LINKS'
    if ($s) {
        foreach ($line in $s.Lines) {
            foreach ($m in [regex]::Matches($line, '\[([^\]]+)\]\(([^)\s]*)[^)]*\)')) {
                $help.Links.Add([pscustomobject]@{ Text = $m.Groups[1].Value; Uri = $m.Groups[2].Value })
            }
        }
    }
    return $help
}

#endregion

#region Markdown writing (-UpdateMarkdown) ------------------------------------------------------

function Format-YamlBlock($Facts, $Param, $Block, [string] $DocumentedDefault) {
    $setsText = if ($Param.InAllSets -and @($Param.Blocks).Count -eq 1) { '(All)' } else { $Block.SetNames -join ', ' }
    $aliases = $Param.Aliases -join ', '
    # The author's value wins (it can say "24 hours" or "the current user"); else the fact.
    $default = if ($DocumentedDefault -and $DocumentedDefault -ne 'None') { $DocumentedDefault }
    elseif ($Param.DefaultValue) { $Param.DefaultValue }
    else { 'None' }
    @(
        '```yaml'
        "Type: $($Param.TypeName)"
        "Parameter Sets: $setsText"
        "Aliases: $aliases".TrimEnd()
        if ($Param.AcceptedValues.Count) { "Accepted values: $($Param.AcceptedValues -join ', ')" }
        ''
        "Required: $(if ($Block.Required) { 'True' } else { 'False' })"
        "Position: $(Format-Position $Block.Position)"
        "Default value: $default"
        "Accept pipeline input: $($Block.Pipeline)"
        "Accept wildcard characters: $(if ($Param.Wildcards) { 'True' } else { 'False' })"
        '```'
    )
}

function Format-SyntaxSection($Facts) {
    $out = [Collections.Generic.List[string]]::new()
    $out.Add('')
    foreach ($set in $Facts.Sets) {
        if ($Facts.MultiSet) {
            $out.Add("### $($set.Name)$(if ($set.IsDefault) { ' (Default)' })")
        }
        $out.Add('```')
        Add-Lines $out ([string[]](Format-SyntaxLine $Facts $set.Name))
        $out.Add('```')
        $out.Add('')
    }
    return $out
}

function Format-ParametersSection($Facts, $Help) {
    $out = [Collections.Generic.List[string]]::new()
    $out.Add('')
    $order = [Collections.Generic.List[object]]::new()
    foreach ($set in $Facts.Sets) {
        foreach ($p in Get-ParameterOrder $Facts $set.Name) { if (-not $order.Contains($p)) { $order.Add($p) } }
    }
    # Keep WhatIf and Confirm last, as platyPS does.
    $tail = @($order | Where-Object IsShouldProcess)
    $order = @($order | Where-Object { -not $_.IsShouldProcess }) + $tail

    foreach ($p in $order) {
        $documented = if ($Help -and $Help.Parameters.Contains($p.Name)) { $Help.Parameters[$p.Name] } else { $null }
        $out.Add("### -$($p.Name)")
        $descLines = @()
        $docDefault = $null
        if ($documented) {
            $descLines = @(Split-Blocks $documented.Item.Lines | ForEach-Object {
                    if ($_.Kind -eq 'code' -and $_.Lang -eq 'yaml') { return }
                    if ($_.Kind -eq 'code') { '```' + $_.Lang; $_.Lines; '```' } else { $_.Lines }
                })
            while ($descLines.Count -gt 0 -and -not $descLines[-1].Trim()) { $descLines = @($descLines | Select-Object -SkipLast 1) }
            while ($descLines.Count -gt 0 -and -not $descLines[0].Trim()) { $descLines = @($descLines | Select-Object -Skip 1) }
            $docDefault = @($documented.Yaml | ForEach-Object { $_['Default value'] } | Where-Object { $_ }) | Select-Object -First 1
        }
        if ($descLines.Count -eq 0) {
            $descLines = if ($StandardDescriptions.ContainsKey($p.Name)) { @($StandardDescriptions[$p.Name]) } else { @("{{ Fill $($p.Name) Description }}") }
        }
        Add-Lines $out ([string[]]$descLines)
        $out.Add('')
        foreach ($block in $p.Blocks) {
            Add-Lines $out ([string[]](Format-YamlBlock $Facts $p $block $docDefault))
            $out.Add('')
        }
    }
    # Documented parameters that the cmdlet lacks stay (the build reports them) so no prose is lost.
    if ($Help) {
        foreach ($name in $Help.Parameters.Keys) {
            if ($Facts.Parameters.Contains($name)) { continue }
            $item = $Help.Parameters[$name].Item
            $out.Add($item.Heading)
            $lines = @($item.Lines)
            while ($lines.Count -gt 0 -and -not $lines[-1].Trim()) { $lines = @($lines | Select-Object -SkipLast 1) }
            Add-Lines $out ([string[]]$lines)
            $out.Add('')
        }
    }
    $out.Add('### CommonParameters')
    $out.Add($CommonParametersText)
    $out.Add('')
    return $out
}

function New-MarkdownStub($Facts) {
    $lines = [Collections.Generic.List[string]]::new()
    Add-Lines $lines ([string[]]@(
            '---'
            'external help file: Hypeman.PowerShell.dll-Help.xml'
            "Module Name: $ModuleName"
            'online version:'
            'schema: 2.0.0'
            '---'
            ''
            "# $($Facts.Name)"
            ''
            '## SYNOPSIS'
            '{{ Fill in the Synopsis }}'
            ''
            '## SYNTAX'))
    Add-Lines $lines ((Format-SyntaxSection $Facts))
    Add-Lines $lines ([string[]]@(
            '## DESCRIPTION'
            '{{ Fill in the Description }}'
            ''
            '## EXAMPLES'
            ''
            '### Example 1: {{ Title }}'
            '```powershell'
            'PS C:\> {{ Add example code here }}'
            '```'
            ''
            '{{ Add example description here }}'
            ''
            '## PARAMETERS'))
    Add-Lines $lines ((Format-ParametersSection $Facts $null))
    $lines.Add('## INPUTS')
    $lines.Add('')
    $inputs = if ($Facts.InputTypes.Count) { $Facts.InputTypes } else { @('None') }
    foreach ($t in $inputs) { $lines.Add("### $t"); $lines.Add(''); }
    $lines.Add('## OUTPUTS')
    $lines.Add('')
    $outputs = if ($Facts.OutputTypes.Count) { $Facts.OutputTypes } else { @('None') }
    foreach ($t in $outputs) { $lines.Add("### $t"); $lines.Add('') }
    Add-Lines $lines ([string[]]@('## NOTES', '', '## RELATED LINKS', ''))
    return $lines
}

function Update-MarkdownFile($Facts, [string] $Path) {
    $original = [IO.File]::ReadAllText($Path)
    $help = Read-HelpMarkdown $Path
    $doc = $help.Doc
    $out = [Collections.Generic.List[string]]::new()
    if ($doc.FrontMatterLines.Count -gt 0 -or $doc.FrontMatter.Count -gt 0) {
        $out.Add('---'); Add-Lines $out ($doc.FrontMatterLines); $out.Add('---')
    }
    Add-Lines $out ($doc.Preamble)
    foreach ($section in $doc.Sections) {
        $out.Add($section.Heading)
        switch ($section.Name) {
            'SYNTAX' { Add-Lines $out ((Format-SyntaxSection $Facts)) }
            'PARAMETERS' { Add-Lines $out ((Format-ParametersSection $Facts $help)) }
            default { Add-Lines $out ($section.Lines) }
        }
    }
    $newline = if ($original.Contains("`r`n")) { "`r`n" } else { "`n" }
    # ReadAllLines dropped the last line break; put it back.
    $text = ($out -join $newline) + $newline
    if ($text -ne $original) {
        [IO.File]::WriteAllText($Path, $text, $Utf8NoBom)
        Write-Host "Updated $Path"
    }
}

#endregion

#region Validation ------------------------------------------------------------------------------

function Test-HelpAgainstFacts($Facts, $Help) {
    $n = $Facts.Name
    $file = Split-Path $Help.Path -Leaf
    if ($Help.Title -and $Help.Title -ne $n) { Add-Problem "${n}: $file has the title '# $($Help.Title)'; expected '# $n'" }
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS') {
        if ($Help.Sections -notcontains $required) { Add-Problem "${n}: $file has no '## $required' section" }
    }
    $synopsis = $Help.Synopsis -join ' '
    if (-not $synopsis.Trim()) { Add-Problem "${n}: SYNOPSIS is empty" }
    elseif (Test-Placeholder $synopsis) { Add-Problem "${n}: SYNOPSIS still contains a '{{ Fill ... }}' placeholder" }
    $description = $Help.Description -join ' '
    if (-not $description.Trim()) { Add-Problem "${n}: DESCRIPTION is empty" }
    elseif (Test-Placeholder $description) { Add-Problem "${n}: DESCRIPTION still contains a '{{ Fill ... }}' placeholder" }

    if ($Help.Examples.Count -lt 2) { Add-Problem "${n}: has $($Help.Examples.Count) example(s); at least 2 are required" }
    $i = 0
    foreach ($ex in $Help.Examples) {
        $i++
        if (-not $ex.Code.Trim()) { Add-Problem "${n}: example $i ('$($ex.Title)') has no code block" }
        elseif (Test-Placeholder $ex.Code) { Add-Problem "${n}: example $i ('$($ex.Title)') still has placeholder code" }
        if (Test-Placeholder $ex.Title) { Add-Problem "${n}: example $i has a placeholder title" }
    }

    foreach ($p in $Facts.Parameters.Values) {
        $documented = if ($Help.Parameters.Contains($p.Name)) { $Help.Parameters[$p.Name] } else { $null }
        if ($p.IsShouldProcess -and -not $documented) { continue }   # standard text
        if (-not $documented) { Add-Problem "${n}: parameter -$($p.Name) is not documented (no '### -$($p.Name)' under '## PARAMETERS')"; continue }
        $text = $documented.Description -join ' '
        if (-not $text.Trim()) { Add-Problem "${n}: parameter -$($p.Name) has an empty description" }
        elseif (Test-Placeholder $text) { Add-Problem "${n}: parameter -$($p.Name) still has a placeholder description" }
        Test-YamlAgainstFacts $Facts $p $documented
    }
    foreach ($name in $Help.Parameters.Keys) {
        if (-not $Facts.Parameters.Contains($name)) {
            if ($CommonParameterNames.Contains($name)) { Add-Problem "${n}: '### -$name' documents a common parameter; remove it (### CommonParameters covers it)" }
            else { Add-Problem "${n}: '### -$name' documents a parameter that the cmdlet does not have" }
        }
    }
    if ($Help.FrontMatter.Contains('external help file') -and $Help.FrontMatter['external help file'] -ne $Facts.HelpFile) {
        Write-Warning "${n}: front matter 'external help file: $($Help.FrontMatter['external help file'])' differs from '$($Facts.HelpFile)'"
    }
}

function Test-YamlAgainstFacts($Facts, $Param, $Documented) {
    $n = $Facts.Name
    if ($Documented.Yaml.Count -eq 0) { Add-Problem "${n}: parameter -$($Param.Name) has no yaml metadata block"; return }
    foreach ($yaml in $Documented.Yaml) {
        $setsText = [string]$yaml['Parameter Sets']
        $sets = if (-not $setsText -or $setsText -eq '(All)') { @($Param.Sets.Keys) }
        else { @($setsText -split '\s*,\s*' | Where-Object { $_ }) }
        $type = [string]$yaml['Type']
        if ($type -and $type -ne $Param.TypeName -and $type -ne $Param.TypeFullName) {
            Add-Problem "${n}: parameter -$($Param.Name): yaml says 'Type: $type', the cmdlet has $($Param.TypeName)"
        }
        foreach ($setName in $sets) {
            if (-not $Param.Sets.Contains($setName)) {
                Add-Problem "${n}: parameter -$($Param.Name): yaml names parameter set '$setName', which does not contain it (sets: $(@($Param.Sets.Keys) -join ', '))"
                continue
            }
            $fact = $Param.Sets[$setName]
            $where = if ($Facts.MultiSet) { " (set $setName)" } else { '' }
            $expected = @{
                'Required'              = if ($fact.Required) { 'True' } else { 'False' }
                'Position'              = Format-Position $fact.Position
                'Accept pipeline input' = $fact.Pipeline
            }
            foreach ($key in 'Required', 'Position', 'Accept pipeline input') {
                $actual = [string]$yaml[$key]
                $norm = { param($v) ($v -replace '\s+', '').ToLowerInvariant() }
                if ((& $norm $actual) -ne (& $norm $expected[$key])) {
                    Add-Problem "${n}: parameter -$($Param.Name): yaml says '${key}: $actual', the cmdlet has '$($expected[$key])'$where"
                }
            }
        }
        $wild = [string]$yaml['Accept wildcard characters']
        if ($wild -and ($wild -eq 'True') -ne $Param.Wildcards) {
            Write-Warning "${n}: parameter -$($Param.Name): yaml says 'Accept wildcard characters: $wild', the cmdlet has $($Param.Wildcards)"
        }
        $aliases = @(([string]$yaml['Aliases']) -split '\s*,\s*' | Where-Object { $_ })
        if ((@($aliases | Sort-Object) -join ',') -ne (@($Param.Aliases | Sort-Object) -join ',')) {
            Write-Warning "${n}: parameter -$($Param.Name): yaml says 'Aliases: $($aliases -join ', ')', the cmdlet has '$($Param.Aliases -join ', ')'"
        }
    }
}

#endregion

#region MAML writing ----------------------------------------------------------------------------

function Write-Paras([Xml.XmlWriter] $W, [string[]] $Paras) {
    $W.WriteStartElement('maml', 'description', $NsMaml)
    if (-not $Paras -or $Paras.Count -eq 0) { $Paras = @('') }
    foreach ($p in $Paras) { $W.WriteElementString('maml', 'para', $NsMaml, $p) }
    $W.WriteEndElement()
}

function Write-ParameterElement([Xml.XmlWriter] $W, $Param, $SetFacts, [string[]] $Description, [string] $DefaultValue) {
    $W.WriteStartElement('command', 'parameter', $NsCommand)
    $W.WriteAttributeString('required', $(if ($SetFacts.Required) { 'true' } else { 'false' }))
    $W.WriteAttributeString('variableLength', $(if ($Param.Type.IsArray) { 'true' } else { 'false' }))
    $W.WriteAttributeString('globbing', $(if ($Param.Wildcards) { 'true' } else { 'false' }))
    $W.WriteAttributeString('pipelineInput', $SetFacts.Pipeline)
    $W.WriteAttributeString('position', $(if ($SetFacts.Position -ge 0) { [string]$SetFacts.Position } else { 'named' }))
    $W.WriteAttributeString('aliases', $(if ($Param.Aliases.Count) { $Param.Aliases -join ', ' } else { 'none' }))
    $W.WriteElementString('maml', 'name', $NsMaml, $Param.Name)
    Write-Paras $W $Description
    if ($Param.AcceptedValues.Count) {
        $W.WriteStartElement('command', 'parameterValueGroup', $NsCommand)
        foreach ($value in $Param.AcceptedValues) {
            $W.WriteStartElement('command', 'parameterValue', $NsCommand)
            $W.WriteAttributeString('required', 'false')
            $W.WriteAttributeString('command', 'variableLength', $NsCommand, 'false')
            $W.WriteString($value)
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    if (-not $Param.IsSwitch) {
        $W.WriteStartElement('command', 'parameterValue', $NsCommand)
        $W.WriteAttributeString('required', 'true')
        $W.WriteAttributeString('variableLength', $(if ($Param.Type.IsArray) { 'true' } else { 'false' }))
        $W.WriteString($Param.TypeName)
        $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $NsDev)
    $W.WriteElementString('maml', 'name', $NsMaml, $Param.TypeFullName)
    $W.WriteElementString('maml', 'uri', $NsMaml, '')
    $W.WriteEndElement()
    $W.WriteElementString('dev', 'defaultValue', $NsDev, $DefaultValue)
    $W.WriteEndElement()
}

function Get-TypeSections([string[]] $FactTypes, $Documented) {
    # Fact types first (with the author's text when a heading names them), then types only the author lists.
    $result = [Collections.Generic.List[object]]::new()
    $used = [Collections.Generic.HashSet[object]]::new()
    foreach ($t in $FactTypes) {
        $doc = $Documented | Where-Object { $_.TypeName -eq $t -or $t.EndsWith('.' + $_.TypeName) } | Select-Object -First 1
        if ($doc) { [void]$used.Add($doc) }
        $result.Add([pscustomobject]@{ TypeName = $t; Description = if ($doc) { $doc.Description } else { @() } })
    }
    foreach ($doc in $Documented) {
        if ($used.Contains($doc)) { continue }
        if ($doc.TypeName -eq 'None' -and $FactTypes.Count -gt 0) { continue }
        $result.Add($doc)
    }
    if ($result.Count -eq 0) { $result.Add([pscustomobject]@{ TypeName = 'None'; Description = @() }) }
    return $result
}

function Write-CommandHelp([Xml.XmlWriter] $W, $Facts, $Help) {
    $W.WriteStartElement('command', 'command', $NsCommand)
    $W.WriteAttributeString('xmlns', 'maml', $null, $NsMaml)
    $W.WriteAttributeString('xmlns', 'command', $null, $NsCommand)
    $W.WriteAttributeString('xmlns', 'dev', $null, $NsDev)
    $W.WriteAttributeString('xmlns', 'MSHelp', $null, $NsMSHelp)

    $W.WriteStartElement('command', 'details', $NsCommand)
    $W.WriteElementString('command', 'name', $NsCommand, $Facts.Name)
    $W.WriteElementString('command', 'verb', $NsCommand, $Facts.Verb)
    $W.WriteElementString('command', 'noun', $NsCommand, $Facts.Noun)
    Write-Paras $W @(($Help.Synopsis -join ' '))
    $W.WriteEndElement()

    Write-Paras $W $Help.Description

    $descriptionOf = {
        param($p)
        if ($Help.Parameters.Contains($p.Name)) { return , $Help.Parameters[$p.Name].Description }
        if ($StandardDescriptions.ContainsKey($p.Name)) { return , @($StandardDescriptions[$p.Name]) }
        return , @()
    }
    $defaultOf = {
        param($p)
        if ($Help.Parameters.Contains($p.Name)) {
            $d = @($Help.Parameters[$p.Name].Yaml | ForEach-Object { $_['Default value'] } | Where-Object { $_ -and $_ -ne 'None' }) | Select-Object -First 1
            if ($d) { return $d }
        }
        if ($p.DefaultValue) { return $p.DefaultValue }
        return 'None'
    }

    $W.WriteStartElement('command', 'syntax', $NsCommand)
    foreach ($set in $Facts.Sets) {
        $W.WriteStartElement('command', 'syntaxItem', $NsCommand)
        $W.WriteElementString('maml', 'name', $NsMaml, $Facts.Name)
        foreach ($p in Get-ParameterOrder $Facts $set.Name) {
            Write-ParameterElement $W $p $p.Sets[$set.Name] (& $descriptionOf $p) (& $defaultOf $p)
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'parameters', $NsCommand)
    foreach ($p in ($Facts.Parameters.Values | Sort-Object Name)) {
        Write-ParameterElement $W $p $p.Primary (& $descriptionOf $p) (& $defaultOf $p)
    }
    $W.WriteEndElement()

    foreach ($kind in @(
            @{ Outer = 'inputTypes'; Inner = 'inputType'; Facts = $Facts.InputTypes; Doc = $Help.Inputs },
            @{ Outer = 'returnValues'; Inner = 'returnValue'; Facts = $Facts.OutputTypes; Doc = $Help.Outputs })) {
        $W.WriteStartElement('command', $kind.Outer, $NsCommand)
        foreach ($t in Get-TypeSections $kind.Facts $kind.Doc) {
            $W.WriteStartElement('command', $kind.Inner, $NsCommand)
            $W.WriteStartElement('dev', 'type', $NsDev)
            $W.WriteElementString('maml', 'name', $NsMaml, $t.TypeName)
            $W.WriteEndElement()
            Write-Paras $W $t.Description
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }

    $W.WriteStartElement('maml', 'alertSet', $NsMaml)
    $W.WriteStartElement('maml', 'alert', $NsMaml)
    $notes = if ($Help.Notes.Count) { $Help.Notes } else { @('') }
    foreach ($p in $notes) { $W.WriteElementString('maml', 'para', $NsMaml, $p) }
    $W.WriteEndElement()
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'examples', $NsCommand)
    $i = 0
    foreach ($ex in $Help.Examples) {
        $i++
        $title = $ex.Title
        if ($title -notmatch '^Example\s+\d+') { $title = "Example ${i}: $title" }
        $W.WriteStartElement('command', 'example', $NsCommand)
        $W.WriteElementString('maml', 'title', $NsMaml, "--------- $title ---------")
        $W.WriteElementString('dev', 'code', $NsDev, $ex.Code)
        $W.WriteStartElement('dev', 'remarks', $NsDev)
        $remarks = if ($ex.Remarks.Count) { $ex.Remarks } else { @('') }
        foreach ($p in $remarks) { $W.WriteElementString('maml', 'para', $NsMaml, $p) }
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $NsCommand)
    $online = [string]$Help.FrontMatter['online version']
    if (-not $online -and $Facts.HelpUri) { $online = $Facts.HelpUri }
    if ($online) {
        $W.WriteStartElement('maml', 'navigationLink', $NsMaml)
        $W.WriteElementString('maml', 'linkText', $NsMaml, 'Online Version:')
        $W.WriteElementString('maml', 'uri', $NsMaml, $online)
        $W.WriteEndElement()
    }
    foreach ($link in $Help.Links) {
        $W.WriteStartElement('maml', 'navigationLink', $NsMaml)
        $W.WriteElementString('maml', 'linkText', $NsMaml, $link.Text)
        # Relative links (Other-Cmdlet.md) mean something on GitHub only: Get-Help shows the name.
        $uri = if ($link.Uri -match '^[a-z][a-z0-9+.-]*://') { $link.Uri } else { '' }
        $W.WriteElementString('maml', 'uri', $NsMaml, $uri)
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()   # command:command
}

function Write-Maml([string] $Path, $Entries) {
    $settings = [Xml.XmlWriterSettings]::new()
    $settings.Encoding = $Utf8NoBom
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`n"
    $settings.NewLineHandling = [Xml.NewLineHandling]::Entitize
    $stream = [IO.File]::Create($Path)
    try {
        $w = [Xml.XmlWriter]::Create($stream, $settings)
        try {
            $w.WriteStartDocument()
            $w.WriteStartElement('helpItems', $NsMsh)
            $w.WriteAttributeString('schema', 'maml')
            foreach ($e in $Entries) { Write-CommandHelp $w $e.Facts $e.Help }
            $w.WriteEndElement()
            $w.WriteEndDocument()
        }
        finally { $w.Dispose() }
    }
    finally { $stream.Dispose() }
}

#endregion

#region about topic -----------------------------------------------------------------------------

function Format-Wrapped([string] $Text, [int] $Indent, [int] $Width = 80, [int] $HangingIndent = $Indent) {
    $words = $Text -split '\s+' | Where-Object { $_ }
    $lines = [Collections.Generic.List[string]]::new()
    $current = ' ' * $Indent
    $empty = $true
    foreach ($word in $words) {
        if (-not $empty -and ($current.Length + 1 + $word.Length) -gt $Width) {
            $lines.Add($current.TrimEnd())
            $current = (' ' * $HangingIndent) + $word
        }
        elseif ($empty) { $current += $word; $empty = $false }
        else { $current += ' ' + $word }
    }
    if (-not $empty) { $lines.Add($current.TrimEnd()) }
    return $lines
}

function ConvertTo-AboutText([string] $MarkdownPath) {
    $lines = [IO.File]::ReadAllLines($MarkdownPath)
    $out = [Collections.Generic.List[string]]::new()
    $i = 0
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        $i = 1
        while ($i -lt $lines.Count -and $lines[$i].Trim() -ne '---') { $i++ }
        $i++
    }
    $paragraph = [Collections.Generic.List[string]]::new()
    $flush = {
        if ($paragraph.Count -eq 0) { return }
        $first = $paragraph[0]
        if ($first -match '^(\s*)([-*+]|\d+[.)])\s+(.*)$') {
            $bullet = $Matches[2]; $rest = $Matches[3]
            $marker = if ($bullet -match '^\d') { $bullet } else { '-' }
            $text = ConvertFrom-InlineMarkdown ((@($rest) + @($paragraph | Select-Object -Skip 1 | ForEach-Object Trim)) -join ' ')
            Add-Lines $out ([string[]](Format-Wrapped "$marker $text" 4 80 (4 + $marker.Length + 1)))
        }
        else {
            $text = ConvertFrom-InlineMarkdown (($paragraph | ForEach-Object Trim) -join ' ')
            Add-Lines $out ([string[]](Format-Wrapped $text 4))
        }
        $paragraph.Clear()
    }
    $inFence = $false
    for (; $i -lt $lines.Count; $i++) {
        $line = $lines[$i].TrimEnd()
        if ($line -match '^\s*(```|~~~)') {
            & $flush
            if (-not $inFence) { $inFence = $true } else { $inFence = $false; $out.Add('') }
            continue
        }
        if ($inFence) { $out.Add($(if ($line) { '        ' + $line } else { '' })); continue }
        if ($line -match '^#\s+(.+)$') {
            & $flush
            $out.Add('TOPIC'); $out.Add('    ' + $Matches[1].Trim()); $out.Add('')
            continue
        }
        if ($line -match '^##\s+(.+)$') {
            & $flush
            if ($out.Count -gt 0 -and $out[-1] -ne '') { $out.Add('') }
            $out.Add($Matches[1].Trim().ToUpperInvariant())
            continue
        }
        if ($line -match '^#{3,}\s+(.+)$') {
            & $flush
            if ($out.Count -gt 0 -and $out[-1] -ne '') { $out.Add('') }
            $title = ConvertFrom-InlineMarkdown $Matches[1].Trim()
            $out.Add('  ' + $title)
            $out.Add('  ' + ('-' * $title.Length))
            continue
        }
        if (-not $line.Trim()) {
            & $flush
            if ($out.Count -gt 0 -and $out[-1] -ne '') { $out.Add('') }
            continue
        }
        if ($line -match '^\s*([-*+]|\d+[.)])\s+' -and $paragraph.Count -gt 0) { & $flush }
        $paragraph.Add($line)
    }
    & $flush
    while ($out.Count -gt 0 -and $out[-1] -eq '') { $out.RemoveAt($out.Count - 1) }
    return ($out -join "`n") + "`n"
}

#endregion

#region Main ------------------------------------------------------------------------------------

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
if (-not (Test-Path -LiteralPath $DocsPath -PathType Container)) { throw "Docs folder '$DocsPath' does not exist." }
$DocsPath = (Resolve-Path -LiteralPath $DocsPath).ProviderPath
# How problems name the docs folder: relative to the current folder when it is below it.
$DocsDisplay = [IO.Path]::GetRelativePath((Get-Location).ProviderPath, $DocsPath).Replace('\', '/')
if ($DocsDisplay.StartsWith('..')) { $DocsDisplay = $DocsPath }
$module = Import-Module -Name $ModulePath -PassThru -ErrorAction Stop
if (-not $OutputPath) { $OutputPath = Join-Path $module.ModuleBase 'en-US' }

$commands = @(Get-Command -Module $ModuleName -CommandType Cmdlet | Sort-Object Name)
if ($commands.Count -eq 0) { throw "Module '$ModulePath' exports no cmdlets." }

$entries = [Collections.Generic.List[object]]::new()
foreach ($command in $commands) {
    $facts = Get-CmdletFacts $command
    $mdPath = Join-Path $DocsPath "$($command.Name).md"
    if ($UpdateMarkdown) {
        if (-not (Test-Path -LiteralPath $mdPath)) {
            [IO.File]::WriteAllText($mdPath, ((New-MarkdownStub $facts) -join "`n") + "`n", $Utf8NoBom)
            Write-Host "Created stub $mdPath"
        }
        else { Update-MarkdownFile $facts $mdPath }
    }
    if (-not (Test-Path -LiteralPath $mdPath)) {
        Add-Problem "$($command.Name): no help file $DocsDisplay/$($command.Name).md (run tools/New-HypemanMaml.ps1 -UpdateMarkdown to create a stub)"
        continue
    }
    $help = Read-HelpMarkdown $mdPath
    Test-HelpAgainstFacts $facts $help
    $entries.Add([pscustomobject]@{ Facts = $facts; Help = $help })
}

$known = @($commands | ForEach-Object Name)
foreach ($md in Get-ChildItem -LiteralPath $DocsPath -Filter '*-*.md') {
    if ($known -notcontains $md.BaseName) { Write-Warning "$($md.Name) documents '$($md.BaseName)', which module $ModuleName does not export" }
}

$aboutSource = Join-Path $DocsPath "about_$ModuleName.md"
if (-not (Test-Path -LiteralPath $aboutSource)) { Add-Problem "about_${ModuleName}: $DocsDisplay/about_$ModuleName.md is missing" }

if ($script:Problems.Count -gt 0) {
    foreach ($p in $script:Problems) { [Console]::Error.WriteLine("ERROR: $p") }
    [Console]::Error.WriteLine("Help generation failed: $($script:Problems.Count) problem(s) in $DocsPath")
    exit 1
}

$helpFiles = @($entries | ForEach-Object { $_.Facts.HelpFile } | Sort-Object -Unique)
if ($helpFiles.Count -ne 1) { throw "The cmdlets come from more than one assembly: $($helpFiles -join ', ')" }
$null = New-Item -ItemType Directory -Path $OutputPath -Force
$mamlPath = Join-Path $OutputPath $helpFiles[0]
Write-Maml $mamlPath $entries
$aboutPath = Join-Path $OutputPath "about_$ModuleName.help.txt"
[IO.File]::WriteAllText($aboutPath, (ConvertTo-AboutText $aboutSource), $Utf8NoBom)

Write-Host "Help: $($entries.Count) cmdlets -> $mamlPath; about topic -> $aboutPath"
exit 0

#endregion
