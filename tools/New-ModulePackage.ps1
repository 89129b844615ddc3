#Requires -Version 7.4
<#
.SYNOPSIS
    Turns a built module folder into a PowerShell Gallery-ready .nupkg (build.ps1 Package runs it).
.DESCRIPTION
    Uses PSResourceGet, which ships with PowerShell 7.4+, publishing to a temporary local
    repository that is registered only for the duration of the call.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleDir,
    [Parameter(Mandatory)] [string] $OutputDir
)
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet
$manifest = Test-ModuleManifest -Path (Join-Path $ModuleDir 'Hypeman.psd1')
$repositoryName = 'HypemanBuild-' + [guid]::NewGuid().ToString('n').Substring(0, 8)
New-Item -ItemType Directory -Force -Path $OutputDir | Out-Null
Register-PSResourceRepository -Name $repositoryName -Uri (Resolve-Path $OutputDir).Path -Trusted
try {
    Publish-PSResource -Path $ModuleDir -Repository $repositoryName -SkipDependenciesCheck
}
finally {
    Unregister-PSResourceRepository -Name $repositoryName
}
$package = Join-Path $OutputDir ("Hypeman.{0}.nupkg" -f $manifest.Version)
if (-not (Test-Path $package)) { throw "No package was written to $OutputDir." }

# The help must travel with the package: modules have shipped without it before.
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [System.IO.Compression.ZipFile]::OpenRead($package)
try {
    $entries = $zip.Entries.FullName
    foreach ($required in 'Hypeman.psd1', 'Hypeman.PowerShell.dll', 'Hypeman.Client.dll', 'Hypeman.Format.ps1xml',
        'en-US/Hypeman.PowerShell.dll-Help.xml', 'en-US/about_Hypeman.help.txt', 'dependencies/Hypeman.Client.Http.dll') {
        if ($entries -notcontains $required) { throw "The package lacks $required." }
    }
}
finally { $zip.Dispose() }
Write-Host "Wrote $package"
