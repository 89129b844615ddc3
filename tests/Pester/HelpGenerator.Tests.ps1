#Requires -Version 7.4
<#
    Tests tools/New-HypemanMaml.ps1: it must refuse incomplete help (naming each cmdlet and problem),
    keep the markdown in step with the cmdlets (-UpdateMarkdown), and turn the real docs into MAML.
    The test runner sets HYPEMAN_MODULE_PATH to the built Hypeman.psd1. The generator always runs in
    a child pwsh, as the build runs it.
#>

BeforeAll {
    if (-not $env:HYPEMAN_MODULE_PATH) { throw 'Set HYPEMAN_MODULE_PATH to the built Hypeman.psd1.' }
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..' '..')).ProviderPath
    $generator = Join-Path $repoRoot 'tools' 'New-HypemanMaml.ps1'
    # HYPEMAN_HELP_DOCS_PATH lets the generator's own tests run against another module's docs.
    $realDocs = if ($env:HYPEMAN_HELP_DOCS_PATH) { $env:HYPEMAN_HELP_DOCS_PATH } else { Join-Path $repoRoot 'docs' 'en-US' }
    $modulePath = (Resolve-Path $env:HYPEMAN_MODULE_PATH).ProviderPath

    # The cmdlets, read in a child process so that this session never loads the module's DLL.
    $pwsh = @([Environment]::ProcessPath)
    if ([IO.Path]::GetFileNameWithoutExtension($pwsh[0]) -eq 'dotnet') { $pwsh += Join-Path $PSHOME 'pwsh.dll' }
    $pwshExe = $pwsh[0]
    $pwshPrefix = @($pwsh | Select-Object -Skip 1)

    function Invoke-Generator {
        param([string] $DocsPath, [string] $OutputPath, [switch] $UpdateMarkdown)
        $arguments = @('-NoProfile', '-NonInteractive', '-File', $generator, '-ModulePath', $modulePath,
            '-DocsPath', $DocsPath, '-OutputPath', $OutputPath)
        if ($UpdateMarkdown) { $arguments += '-UpdateMarkdown' }
        $env:NO_COLOR = '1'
        $output = & $pwshExe @pwshPrefix @arguments 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output); Text = ($output -join "`n") }
    }

    $json = & $pwshExe @pwshPrefix -NoProfile -NonInteractive -Command @"
Import-Module '$($modulePath.Replace("'", "''"))' -ErrorAction Stop
`$common = [System.Management.Automation.PSCmdlet]::CommonParameters + 'WhatIf', 'Confirm'
Get-Command -Module Hypeman -CommandType Cmdlet | Sort-Object Name | ForEach-Object {
    # DontShow parameters are internal and have no help.
    [pscustomobject]@{ Name = `$_.Name; Parameters = @(`$_.Parameters.Values | Where-Object {
        `$_.Name -notin `$common -and -not (`$_.Attributes | Where-Object { `$_ -is [System.Management.Automation.ParameterAttribute] -and `$_.DontShow }) } | ForEach-Object Name) }
} | ConvertTo-Json -Depth 3 -AsArray
"@
    $cmdlets = @($json | ConvertFrom-Json)

    function Set-Section([string] $Path, [string] $Section, [string] $Content) {
        # Replaces the body of '## <Section>' (up to the next '## ' heading).
        $text = [IO.File]::ReadAllText($Path)
        $pattern = '(?ms)(^## ' + [regex]::Escape($Section) + '[ \t]*\r?\n).*?(?=^## |\z)'
        $text = [regex]::Replace($text, $pattern, { param($m) $m.Groups[1].Value + $Content + "`n" })
        [IO.File]::WriteAllText($Path, $text)
    }

    # One copy of the real docs in which every cmdlet has a file (stubs where the real docs lack
    # one), made once; each test that damages docs works on its own copy of it.
    $baseDocs = Join-Path $TestDrive 'base' 'en-US'
    $null = New-Item -ItemType Directory -Path $baseDocs -Force
    Copy-Item -Path (Join-Path $realDocs '*') -Destination $baseDocs -Recurse -Force
    $null = Invoke-Generator -DocsPath $baseDocs -OutputPath (Join-Path $TestDrive 'base-out') -UpdateMarkdown

    function Copy-Docs([string] $Destination) {
        $null = New-Item -ItemType Directory -Path $Destination -Force
        Copy-Item -Path (Join-Path $baseDocs '*') -Destination $Destination -Recurse -Force
    }
}

Describe 'New-HypemanMaml.ps1 with defective docs' {
    BeforeAll {
        # Cmdlet A (the first with two or more parameters) gets most defects; B has one example; C has no file.
        $a = @($cmdlets | Where-Object { $_.Parameters.Count -ge 2 })[0]
        if (-not $a -or $cmdlets.Count -lt 3) { throw 'These tests need 3 cmdlets, one of them with 2 parameters.' }
        $others = @($cmdlets | Where-Object Name -ne $a.Name)
        $missingParameter = $a
        $removedParameter = $a.Parameters[0]
        $placeholderSynopsis = $a.Name
        $unknownParameter = $a.Name
        $exampleWithoutCode = $a.Name
        $yamlMismatch = $a
        $mismatchParameter = $a.Parameters[1]
        $oneExample = $others[0].Name
        $missingFile = $others[1].Name

        $docs = Join-Path $TestDrive 'defects' 'en-US'
        Copy-Docs $docs

        $path = Join-Path $docs "$($missingParameter.Name).md"
        $text = [IO.File]::ReadAllText($path)
        $text = [regex]::Replace($text, '(?ms)^### -' + [regex]::Escape($removedParameter) + '[ \t]*\r?\n.*?(?=^### |^## )', '')
        [IO.File]::WriteAllText($path, $text)

        Set-Section (Join-Path $docs "$placeholderSynopsis.md") 'SYNOPSIS' '{{ Fill in the Synopsis }}'

        Set-Section (Join-Path $docs "$oneExample.md") 'EXAMPLES' @"

### Example 1: The only example
``````powershell
$oneExample
``````

The one and only.

"@
        Remove-Item -LiteralPath (Join-Path $docs "$missingFile.md")

        $path = Join-Path $docs "$unknownParameter.md"
        $text = [IO.File]::ReadAllText($path)
        $bogus = "### -NoSuchParameter`nA parameter that does not exist.`n`n``````yaml`nType: String`nParameter Sets: (All)`nAliases:`n`nRequired: False`nPosition: Named`nDefault value: None`nAccept pipeline input: False`nAccept wildcard characters: False`n```````n`n"
        $text = $text -replace '(?m)^### CommonParameters', ($bogus.Replace('$', '$$') + '### CommonParameters')
        [IO.File]::WriteAllText($path, $text)

        Set-Section (Join-Path $docs "$exampleWithoutCode.md") 'EXAMPLES' @"

### Example 1: With code
``````powershell
$exampleWithoutCode
``````

Has code.

### Example 2: Without code
Only words here.

"@
        $path = Join-Path $docs "$($yamlMismatch.Name).md"
        $text = [IO.File]::ReadAllText($path)
        $section = [regex]::Match($text, '(?ms)^### -' + [regex]::Escape($mismatchParameter) + '[ \t]*\r?\n.*?(?=^### |^## )')
        $changed = $section.Value -replace '(?m)^Position: .*$', 'Position: 42'
        [IO.File]::WriteAllText($path, $text.Replace($section.Value, $changed))

        Remove-Item -LiteralPath (Join-Path $docs 'about_Hypeman.md')

        $result = Invoke-Generator -DocsPath $docs -OutputPath (Join-Path $TestDrive 'defects-out')
    }

    It 'exits with a non-zero code and writes no help file' {
        $result.ExitCode | Should -Not -Be 0
        Join-Path $TestDrive 'defects-out' 'Hypeman.PowerShell.dll-Help.xml' | Should -Not -Exist
    }

    It 'names the cmdlet with an undocumented parameter, and the parameter' {
        $result.Text | Should -Match ([regex]::Escape("$($missingParameter.Name): parameter -$removedParameter is not documented"))
    }

    It 'names the cmdlet whose SYNOPSIS is a placeholder' {
        $result.Text | Should -Match ([regex]::Escape("${placeholderSynopsis}: SYNOPSIS still contains"))
    }

    It 'names the cmdlet with one example' {
        $result.Text | Should -Match ([regex]::Escape("${oneExample}: has 1 example(s); at least 2 are required"))
    }

    It 'names the cmdlet without a markdown file' {
        $result.Text | Should -Match ([regex]::Escape("${missingFile}: no help file"))
    }

    It 'names a documented parameter that does not exist' {
        $result.Text | Should -Match ([regex]::Escape("${unknownParameter}: '### -NoSuchParameter' documents a parameter that the cmdlet does not have"))
    }

    It 'names an example without code' {
        $result.Text | Should -Match ([regex]::Escape("${exampleWithoutCode}: example 2 ('Example 2: Without code') has no code block"))
    }

    It 'names a yaml block that contradicts the cmdlet' {
        $result.Text | Should -Match ([regex]::Escape("$($yamlMismatch.Name): parameter -${mismatchParameter}: yaml says 'Position: 42'"))
    }

    It 'reports the missing about_Hypeman.md' {
        $result.Text | Should -Match 'about_Hypeman: .*about_Hypeman\.md is missing'
    }

    It 'writes one line per problem' {
        @($result.Output | Where-Object { $_ -match '^ERROR: ' }).Count | Should -BeGreaterOrEqual 8
    }
}

Describe 'New-HypemanMaml.ps1 -UpdateMarkdown' {
    It 'creates a stub with placeholders for a cmdlet without markdown, and the build then fails on them' {
        $docs = Join-Path $TestDrive 'stubs' 'en-US'
        $null = New-Item -ItemType Directory -Path $docs -Force
        Copy-Item (Join-Path $realDocs 'about_Hypeman.md') $docs
        $result = Invoke-Generator -DocsPath $docs -OutputPath (Join-Path $TestDrive 'stubs-out') -UpdateMarkdown
        $result.ExitCode | Should -Not -Be 0
        foreach ($c in $cmdlets) {
            $path = Join-Path $docs "$($c.Name).md"
            $path | Should -Exist
            $text = Get-Content -LiteralPath $path -Raw
            $text | Should -Match '(?m)^external help file: Hypeman\.PowerShell\.dll-Help\.xml$'
            $text | Should -Match '(?m)^schema: 2\.0\.0$'
            $text | Should -Match ('(?m)^# ' + [regex]::Escape($c.Name) + '$')
            foreach ($p in $c.Parameters) { $text | Should -Match ('(?m)^### -' + [regex]::Escape($p) + '$') }
            $result.Text | Should -Match ([regex]::Escape("$($c.Name): SYNOPSIS still contains"))
        }
    }

    It 'rewrites a wrong yaml block and SYNTAX from the cmdlet, and keeps the prose' {
        $docs = Join-Path $TestDrive 'update' 'en-US'
        Copy-Docs $docs
        $c = @($cmdlets | Where-Object { $_.Parameters.Count -gt 0 })[0]
        $path = Join-Path $docs "$($c.Name).md"
        $before = [IO.File]::ReadAllText($path)
        $damaged = ($before -replace '(?m)^Type: .*$', 'Type: WrongType') -replace '(?ms)(^## SYNTAX[ \t]*\r?\n).*?(?=^## )', "`$1`n``````n$($c.Name) -Nonsense`n```````n`n"
        $damaged = $damaged -replace '(?m)^## DESCRIPTION[ \t]*\r?\n', "## DESCRIPTION`nA sentence the generator must keep.`n"
        [IO.File]::WriteAllText($path, $damaged)
        $null = Invoke-Generator -DocsPath $docs -OutputPath (Join-Path $TestDrive 'update-out') -UpdateMarkdown
        $after = [IO.File]::ReadAllText($path)
        $after | Should -Not -Match 'WrongType'
        $after | Should -Not -Match '-Nonsense'
        $after | Should -Match 'A sentence the generator must keep\.'
        $after.Replace("A sentence the generator must keep.`n", '') | Should -BeExactly $before
    }
}

Describe 'New-HypemanMaml.ps1 with the real docs' {
    BeforeAll {
        # -UpdateMarkdown on a copy of the real docs: the run must succeed, and it must not change
        # the copy (the SYNTAX and yaml blocks of the real docs are in step with the cmdlets).
        $copy = Join-Path $TestDrive 'real' 'en-US'
        $null = New-Item -ItemType Directory -Path $copy -Force
        Copy-Item -Path (Join-Path $realDocs '*') -Destination $copy -Recurse
        $out = Join-Path $TestDrive 'real-out'
        $result = Invoke-Generator -DocsPath $copy -OutputPath $out -UpdateMarkdown
    }

    It 'succeeds' {
        $result.ExitCode | Should -Be 0 -Because $result.Text
    }

    It 'writes MAML that loads as XML, with every cmdlet' {
        $xmlPath = Join-Path $out 'Hypeman.PowerShell.dll-Help.xml'
        $xmlPath | Should -Exist
        $xml = [xml](Get-Content -LiteralPath $xmlPath -Raw)
        $ns = [Xml.XmlNamespaceManager]::new($xml.NameTable)
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $names = @($xml.SelectNodes('//command:command/command:details/command:name', $ns) | ForEach-Object InnerText) | Sort-Object
        $names | Should -Be @($cmdlets.Name | Sort-Object)
    }

    It 'writes about_Hypeman.help.txt' {
        $about = Join-Path $out 'about_Hypeman.help.txt'
        $about | Should -Exist
        Get-Content -LiteralPath $about -Raw | Should -Match '(?m)^SHORT DESCRIPTION'
    }

    It 'finds the SYNTAX and yaml blocks of the real docs in step with the cmdlets (else run -UpdateMarkdown)' {
        foreach ($file in Get-ChildItem -LiteralPath $realDocs -Filter '*.md') {
            $updated = Join-Path $copy $file.Name
            [IO.File]::ReadAllText($updated) | Should -BeExactly ([IO.File]::ReadAllText($file.FullName)) -Because "$($file.Name) must match what -UpdateMarkdown writes"
        }
        @(Get-ChildItem -LiteralPath $copy -Filter '*.md').Count | Should -Be @(Get-ChildItem -LiteralPath $realDocs -Filter '*.md').Count -Because 'every cmdlet needs its own markdown file'
    }
}
