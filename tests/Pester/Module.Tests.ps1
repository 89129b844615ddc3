#Requires -Version 7.4
<#
    The module as a whole: manifest, exported cmdlets, cmdlet metadata (OutputType, ShouldProcess),
    format views, type names, what Import-Module does (no network I/O), and the private
    AssemblyLoadContext that keeps its third-party assemblies away from other modules' versions.
#>

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    $cmdletCases = @(Get-Command -Module Hypeman -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
    # Cmdlets that change something on the server, by verb (New-HypemanToken only computes a string).
    $changingVerbs = 'New', 'Remove', 'Set', 'Start', 'Stop', 'Restart', 'Suspend', 'Resume', 'Mount', 'Dismount', 'Add',
        'Clear', 'Copy', 'Move', 'Rename', 'Update', 'Register', 'Unregister', 'Publish', 'Restore', 'Invoke', 'Enable', 'Disable'
    $changingCases = @(Get-Command -Module Hypeman -CommandType Cmdlet |
            Where-Object { $_.Verb -in $changingVerbs -and $_.Name -ne 'New-HypemanToken' } |
            Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
    $viewCases = @('Hypeman.Instance', 'Hypeman.Volume', 'Hypeman.VolumeMount', 'Hypeman.VolumeAttachment',
        'Hypeman.HypemanConnection', 'Hypeman.Health' | ForEach-Object { @{ TypeName = $_ } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    $module = Get-Module Hypeman
    $manifestPath = $env:HYPEMAN_MODULE_PATH

    function Get-CmdletAttribute([string] $Name) {
        $command = Get-Command $Name -Module Hypeman -CommandType Cmdlet
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
    }
}

Describe 'Module manifest' {
    It 'is a valid manifest for PowerShell 7.4+ Core' {
        $info = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop
        $info.Name | Should -Be 'Hypeman'
        $info.Version | Should -BeGreaterThan ([version]'0.0.0')
        $info.PowerShellVersion | Should -Be ([version]'7.4')
        $info.CompatiblePSEditions | Should -Be @('Core')
        $info.RootModule | Should -Be 'Hypeman.PowerShell.dll'
    }

    It 'exports exactly the cmdlets the assembly defines, which are exactly the manifest''s list' {
        $assemblyCmdlets = @($module.ImplementingAssembly.GetExportedTypes() |
                Where-Object { -not $_.IsAbstract } |
                ForEach-Object {
                    $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
                    if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
                } | Sort-Object)
        $manifestCmdlets = @((Import-PowerShellDataFile -LiteralPath $manifestPath).CmdletsToExport | Sort-Object)
        $exported = @($module.ExportedCmdlets.Keys | Sort-Object)

        $assemblyCmdlets.Count | Should -BeGreaterThan 0
        $exported | Should -Be $assemblyCmdlets
        $manifestCmdlets | Should -Be $assemblyCmdlets
        $module.ExportedFunctions.Count | Should -Be 0
        $module.ExportedAliases.Count | Should -Be 0
    }

    It 'names every cmdlet class Hypeman.Commands.VerbNounCommand, with an approved verb' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module Hypeman -CommandType Cmdlet) {
            $command.Verb | Should -BeIn $approved -Because $command.Name
            $command.Noun | Should -BeLike 'Hypeman*' -Because $command.Name
            $command.ImplementingType.FullName | Should -Be "Hypeman.Commands.$($command.Verb)$($command.Noun)Command"
        }
    }
}

Describe 'Cmdlet metadata' {
    It 'finds the state-changing cmdlets (at least the ten of the first release)' {
        $changingCases.Count | Should -BeGreaterOrEqual 10
        $changingCases.Name | Should -Contain 'Dismount-HypemanVolume'
    } -TestCases @{ changingCases = $changingCases }

    It '<Name> declares [OutputType]' -ForEach $cmdletCases {
        $command = Get-Command $Name -Module Hypeman
        @($command.OutputType).Count | Should -BeGreaterThan 0 -Because "$Name must say what it writes"
    }

    It '<Name> supports -WhatIf and -Confirm, with the confirm impact of its verb (Remove: High with -Force; others: Medium)' -ForEach $changingCases {
        $attribute = Get-CmdletAttribute $Name
        $attribute.SupportsShouldProcess | Should -BeTrue
        $parameters = (Get-Command $Name -Module Hypeman).Parameters
        $parameters.Keys | Should -Contain 'WhatIf'
        $parameters.Keys | Should -Contain 'Confirm'
        if ($Name -like 'Remove-*') {
            $attribute.ConfirmImpact | Should -Be ([System.Management.Automation.ConfirmImpact]::High)
            $parameters.Keys | Should -Contain 'Force'
            $parameters['Force'].ParameterType | Should -Be ([switch])
        }
        else {
            $attribute.ConfirmImpact | Should -Be ([System.Management.Automation.ConfirmImpact]::Medium)
        }
    }
}

Describe 'Format views' {
    It 'has a table view for <TypeName>' -ForEach $viewCases {
        $data = Get-FormatData -TypeName $TypeName -PowerShellVersion $PSVersionTable.PSVersion
        $data | Should -Not -BeNullOrEmpty -Because "$TypeName needs a default view"
        $tables = @($data.FormatViewDefinition | Where-Object { $_.Control -is [System.Management.Automation.TableControl] })
        $tables.Count | Should -BeGreaterThan 0
        @($tables[0].Control.Headers).Count | Should -BeGreaterThan 0
    }

    It 'shows name, state, image, IP, vCPUs, memory and creation time for instances' {
        $view = (Get-FormatData -TypeName Hypeman.Instance -PowerShellVersion $PSVersionTable.PSVersion).FormatViewDefinition |
            Where-Object { $_.Control -is [System.Management.Automation.TableControl] } | Select-Object -First 1
        $labels = @($view.Control.Headers | ForEach-Object Label)
        foreach ($pattern in 'Name', 'State', 'Image', 'IP*', 'vCPU*', 'Memory', 'Created*') {
            @($labels | Where-Object { $_ -like $pattern }).Count | Should -Be 1 -Because "the instance view needs a '$pattern' column (it has $($labels -join ', '))"
        }
    }

    It 'renders a real instance with those values' {
        Reset-TestEmulator
        Connect-TestHypeman
        New-TestInstance -Name 'fmt-1' | Out-Null
        $instance = Get-HypemanInstance -Name 'fmt-1'
        $text = $instance | Format-Table | Out-String -Width 250
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })
        $lines[0] | Should -Match 'Name\s+State\s+Image\s+IP\S*\s+vCPUs?\s+Memory\s+Created'
        $row = $lines | Where-Object { $_ -match '^fmt-1\s' }
        $row | Should -Not -BeNullOrEmpty
        $row | Should -Match 'Running'
        $row | Should -Match ([regex]::Escape($instance.Image))
        $row | Should -Match ([regex]::Escape($instance.IPAddress))
        $row | Should -Match "\s$($instance.Vcpus)\s"
        $row | Should -Match '1(\.0)? ?GB'
        $row | Should -Match ($instance.CreatedAt.LocalDateTime.ToString('yyyy-MM-dd'))
    }
}

Describe 'Types' {
    It 'resolves [Hypeman.Instance] and the other output types by name after import' {
        foreach ($name in 'Hypeman.Instance', 'Hypeman.Volume', 'Hypeman.VolumeMount', 'Hypeman.VolumeAttachment',
            'Hypeman.HypemanConnection', 'Hypeman.Health', 'Hypeman.HypemanApiException') {
            ($name -as [type]) | Should -Not -BeNullOrEmpty -Because "scripts name $name"
        }
        [Hypeman.Instance].Assembly.GetName().Name | Should -Be 'Hypeman.Client'
    }
}

Describe 'Import-Module in a fresh session' {
    BeforeAll {
        Reset-TestEmulator
        $freshImport = Invoke-TestChildPwsh -Environment @{
            HYPEMAN_BASE_URL = Get-TestBaseUrl
            HYPEMAN_API_KEY  = New-TestJwt
        } -Script @'
$ErrorActionPreference = 'Stop'
Import-Module $env:HYPEMAN_MODULE_PATH
$null = Get-Command -Module Hypeman
"COMMANDS=$((Get-Command -Module Hypeman).Count)"
"HTTP_LOADED=$(@([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Microsoft.Extensions.Http' }).Count)"
"ALC=$(@([System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'Hypeman.Dependencies').Count)"
'@
        $requestsAfterImport = Get-TestRequestLog
    }

    It 'imports without errors' {
        $freshImport.ExitCode | Should -Be 0 -Because $freshImport.Text
        $freshImport.Output | Should -Contain "COMMANDS=$((Get-Command -Module Hypeman).Count)"
    }

    It 'sends no request to the configured server' {
        $requestsAfterImport.Count | Should -Be 0
    }

    It 'loads no HTTP machinery until the first call' {
        $freshImport.Output | Should -Contain 'HTTP_LOADED=0'
        $freshImport.Output | Should -Contain 'ALC=0'
    }
}

Describe 'Dependency isolation' {
    BeforeAll {
        Reset-TestEmulator
        Connect-TestHypeman
        $null = Get-HypemanInstance
        $dependencyFolder = Join-Path $module.ModuleBase 'dependencies'
    }

    It 'loads Microsoft.Extensions.Http from the dependencies folder into the "Hypeman.Dependencies" load context' {
        $context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'Hypeman.Dependencies'
        @($context).Count | Should -Be 1
        $http = @($context.Assemblies | Where-Object { $_.GetName().Name -eq 'Microsoft.Extensions.Http' })
        $http.Count | Should -Be 1
        [IO.Path]::GetDirectoryName($http[0].Location) | Should -Be $dependencyFolder
        @($context.Assemblies | Where-Object { $_.GetName().Name -eq 'Hypeman.Client.Http' }).Count | Should -Be 1
    }

    It 'loads nothing from the dependencies folder into the default load context' {
        $leaked = @([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies |
                Where-Object { $_.Location -and [IO.Path]::GetDirectoryName($_.Location) -eq $dependencyFolder })
        $leaked.Name | Should -BeNullOrEmpty
    }

    It 'keeps the model types in the default load context, so scripts can name them' {
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([Hypeman.Instance].Assembly) |
            Should -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
    }
}

Describe 'Importing next to another version of Microsoft.Extensions.Http' {
    BeforeAll {
        $ourVersion = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $module.ModuleBase 'dependencies' 'Microsoft.Extensions.Http.dll')).Version

        # Another version of the assembly: from the NuGet cache if one is there, else restored (6.0.0).
        $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget' 'packages' }
        function Find-OtherHttpAssembly {
            Get-ChildItem -Path (Join-Path $packages 'microsoft.extensions.http') -Filter 'Microsoft.Extensions.Http.dll' -Recurse -ErrorAction SilentlyContinue |
                Where-Object { $_.FullName -match '[\\/]lib[\\/]net\d' -and [Reflection.AssemblyName]::GetAssemblyName($_.FullName).Version -ne $ourVersion } |
                Select-Object -First 1
        }
        $other = Find-OtherHttpAssembly
        if (-not $other) {
            $restoreDir = Join-Path ([IO.Path]::GetTempPath()) "hypeman-alc-$([guid]::NewGuid().ToString('n'))"
            New-Item -ItemType Directory -Path $restoreDir | Out-Null
            Set-Content -LiteralPath (Join-Path $restoreDir 'Download.csproj') -Value @'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsPackable>false</IsPackable></PropertyGroup>
  <ItemGroup><PackageDownload Include="Microsoft.Extensions.Http" Version="[6.0.0]" /></ItemGroup>
</Project>
'@
            $restoreOutput = & dotnet restore (Join-Path $restoreDir 'Download.csproj') --nologo 2>&1
            Remove-Item -LiteralPath $restoreDir -Recurse -Force -ErrorAction SilentlyContinue
            $other = Find-OtherHttpAssembly
        }
        if (-not $other) { throw "Could not get another version of Microsoft.Extensions.Http: $($restoreOutput -join "`n")" }

        Reset-TestEmulator
        $conflict = Invoke-TestChildPwsh -Environment @{
            HYPEMAN_OTHER_HTTP_DLL = $other.FullName
            HYPEMAN_CHILD_BASE_URL = Get-TestBaseUrl
            HYPEMAN_CHILD_TOKEN    = New-TestJwt
        } -Script @'
$ErrorActionPreference = 'Stop'
$preloaded = [Reflection.Assembly]::LoadFrom($env:HYPEMAN_OTHER_HTTP_DLL)
"PRELOADED=$($preloaded.GetName().Version)"
Import-Module $env:HYPEMAN_MODULE_PATH
Connect-Hypeman -BaseUrl $env:HYPEMAN_CHILD_BASE_URL -ApiKey (ConvertTo-SecureString $env:HYPEMAN_CHILD_TOKEN -AsPlainText -Force)
New-HypemanVolume -Name 'alc-check' -SizeGB 1 | Out-Null
"VOLUMES=$(@(Get-HypemanVolume).Count)"
$context = [System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object Name -eq 'Hypeman.Dependencies'
"MODULE_HTTP=$(($context.Assemblies | Where-Object { $_.GetName().Name -eq 'Microsoft.Extensions.Http' }).GetName().Version)"
"DEFAULT_HTTP=$(([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -eq 'Microsoft.Extensions.Http' }).GetName().Version)"
'@
    }

    It 'works: connects, creates and lists' {
        $conflict.ExitCode | Should -Be 0 -Because $conflict.Text
        $conflict.Output | Should -Contain 'VOLUMES=1'
        (Get-TestServerVolume -Id 'alc-check').name | Should -Be 'alc-check'
    }

    It 'keeps both versions: the preloaded one in the default context, its own in Hypeman.Dependencies' {
        $otherVersion = [Reflection.AssemblyName]::GetAssemblyName($other.FullName).Version
        $conflict.Output | Should -Contain "PRELOADED=$otherVersion"
        $conflict.Output | Should -Contain "DEFAULT_HTTP=$otherVersion"
        $conflict.Output | Should -Contain "MODULE_HTTP=$ourVersion"
    }
}
