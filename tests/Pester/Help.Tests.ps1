#Requires -Version 7.4
<#
    Checks the help that users get from the built module: the MAML file that tools/New-HypemanMaml.ps1
    wrote, Get-Help for every exported cmdlet, and the about_Hypeman topic.
    The test runner sets HYPEMAN_MODULE_PATH to the built Hypeman.psd1 (out/Hypeman/<version>/Hypeman.psd1).
#>

BeforeDiscovery {
    if (-not $env:HYPEMAN_MODULE_PATH) { throw 'Set HYPEMAN_MODULE_PATH to the built Hypeman.psd1.' }
    Import-Module $env:HYPEMAN_MODULE_PATH -ErrorAction Stop
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $cmdlets = foreach ($command in Get-Command -Module Hypeman -CommandType Cmdlet | Sort-Object Name) {
        @{
            Name       = $command.Name
            # DontShow parameters are internal (bound from piped objects) and left out of help.
            Parameters = @($command.Parameters.Values | Where-Object { $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) } |
                ForEach-Object Name | Sort-Object | ForEach-Object { @{ Parameter = $_ } })
        }
    }
}

BeforeAll {
    Import-Module $env:HYPEMAN_MODULE_PATH -ErrorAction Stop
    $module = Get-Module Hypeman
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters

    function Get-ExpectedParameterFacts([System.Management.Automation.CommandInfo] $Command, [string] $Parameter) {
        # The generator describes a parameter in command:parameters (what Get-Help -Parameter
        # shows) by the default parameter set when the parameter is in it, else by the first set
        # (in CommandInfo.ParameterSets order) that has it.
        $sets = @($Command.ParameterSets | Where-Object { $_.Parameters.Name -contains $Parameter })
        $set = $sets | Where-Object IsDefault | Select-Object -First 1
        if (-not $set) { $set = $sets[0] }
        $p = $set.Parameters | Where-Object Name -eq $Parameter
        [pscustomobject]@{
            Required = $p.IsMandatory
            Position = if ($p.Position -ge 0) { [string]$p.Position } else { 'named' }
            Pipeline = ConvertTo-PipelineText $p.ValueFromPipeline $p.ValueFromPipelineByPropertyName
        }
    }

    function ConvertTo-PipelineText([bool] $ByValue, [bool] $ByPropertyName) {
        if ($ByValue -and $ByPropertyName) { return 'True (ByValue, ByPropertyName)' }
        if ($ByValue) { return 'True (ByValue)' }
        if ($ByPropertyName) { return 'True (ByPropertyName)' }
        return 'False'
    }

    function Get-Text($Paragraphs) { (@($Paragraphs | ForEach-Object { $_.Text }) -join ' ').Trim() }
    function Compress-Space([string] $Text) { ($Text -replace '\s+', ' ').Trim() }
}

Describe 'Help files of the built module' {
    It 'has en-US/Hypeman.PowerShell.dll-Help.xml next to the module, and it loads as XML' {
        $path = Join-Path $module.ModuleBase 'en-US' 'Hypeman.PowerShell.dll-Help.xml'
        $path | Should -Exist
        { [xml](Get-Content -LiteralPath $path -Raw) } | Should -Not -Throw
        $xml = [xml](Get-Content -LiteralPath $path -Raw)
        $xml.helpItems.schema | Should -Be 'maml'
    }

    It 'documents every exported cmdlet in the MAML file, and nothing else' {
        $path = Join-Path $module.ModuleBase 'en-US' 'Hypeman.PowerShell.dll-Help.xml'
        $xml = [xml](Get-Content -LiteralPath $path -Raw)
        $documented = @($xml.helpItems.command | ForEach-Object { $_.details.name }) | Sort-Object
        $exported = @(Get-Command -Module Hypeman -CommandType Cmdlet | ForEach-Object Name) | Sort-Object
        $documented | Should -Be $exported
    }

    It 'ships about_Hypeman.help.txt and Get-Help about_Hypeman shows it' {
        Join-Path $module.ModuleBase 'en-US' 'about_Hypeman.help.txt' | Should -Exist
        $text = Get-Help about_Hypeman | Out-String
        $text | Should -Match 'about_Hypeman'
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'LONG DESCRIPTION'
        $text | Should -Match 'HYPEMAN_BASE_URL'
    }
}

Describe 'Get-Help <Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command -Name $Name -Module Hypeman
        $help = Get-Help -Name $Name -Full
    }

    It 'has a real synopsis, not the generated syntax line' {
        $synopsis = "$($help.Synopsis)".Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -Match ('^' + [regex]::Escape($Name) + '(\s|$)')
        $synopsis | Should -Not -Match '\{\{'
    }

    It 'has a description' {
        Get-Text $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples, each with code' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) { "$($example.code)".Trim() | Should -Not -BeNullOrEmpty }
    }

    It 'has one syntax entry per parameter set, with the same parameters' {
        $items = @($help.syntax.syntaxItem)
        $items.Count | Should -Be @($command.ParameterSets).Count
        $expected = @($command.ParameterSets | ForEach-Object {
                (@($_.Parameters | Where-Object { $_.Name -notin $common -and -not $_.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) } |
                    ForEach-Object Name) | Sort-Object) -join ','
            }) | Sort-Object
        $actual = @($items | ForEach-Object { (@($_.parameter | ForEach-Object { $_.name }) | Sort-Object) -join ',' }) | Sort-Object
        $actual | Should -Be $expected
    }

    It 'describes parameter -<Parameter>, with the required, position and pipeline values of Get-Command' -ForEach $Parameters {
        $parameterHelp = Get-Help -Name $Name -Parameter $Parameter
        $parameterHelp | Should -Not -BeNullOrEmpty -Because "Get-Help $Name -Parameter $Parameter must find it"
        Get-Text $parameterHelp.description | Should -Not -BeNullOrEmpty -Because "-$Parameter needs a description"
        $expected = Get-ExpectedParameterFacts $command $Parameter
        "$($parameterHelp.required)" | Should -Be ([string]$expected.Required).ToLowerInvariant()
        "$($parameterHelp.position)" | Should -Be $expected.Position
        "$($parameterHelp.pipelineInput)" | Should -Be $expected.Pipeline
        $aliases = @($command.Parameters[$Parameter].Aliases)
        $expectedAliases = if ($aliases.Count) { $aliases -join ', ' } else { 'none' }
        "$($parameterHelp.aliases)" | Should -Be $expectedAliases
    }
}

Describe 'Get-Help Dismount-HypemanVolume -Full' {
    BeforeAll {
        $text = Compress-Space (Get-Help Dismount-HypemanVolume -Full | Out-String -Width 4096)
        $help = Get-Help Dismount-HypemanVolume -Full
    }

    It 'shows the description' {
        foreach ($para in @($help.description | ForEach-Object Text)) {
            $text | Should -Match ([regex]::Escape((Compress-Space $para)))
        }
    }

    It 'shows every parameter with its description' {
        foreach ($name in 'InstanceId', 'VolumeId', 'Connection', 'WhatIf', 'Confirm') {
            $text | Should -Match ([regex]::Escape("-$name"))
            $description = Compress-Space (Get-Text (Get-Help Dismount-HypemanVolume -Parameter $name).description)
            $text | Should -Match ([regex]::Escape($description))
        }
        $text | Should -Match ([regex]::Escape('Accept pipeline input? True (ByPropertyName)'))
    }

    It 'shows the examples' {
        foreach ($example in @($help.examples.example)) {
            $text | Should -Match ([regex]::Escape((Compress-Space $example.code)))
        }
    }

    It 'shows inputs and outputs' {
        $text | Should -Match 'INPUTS'
        $text | Should -Match 'OUTPUTS Hypeman\.Instance'
    }
}
