@{
    # The build (build.ps1 Build) stamps ModuleVersion from Directory.Build.props.
    RootModule           = 'Hypeman.PowerShell.dll'
    ModuleVersion        = '0.0.0'
    GUID                 = '6f0c3c52-8d2e-4c1b-9a57-3d0f8e2b7a41'
    Author               = 'Hypeman PowerShell contributors'
    CompanyName          = 'Hypeman PowerShell contributors'
    Copyright            = '(c) 2026 Hypeman PowerShell contributors. MIT License.'
    Description          = 'Manage Hypeman microVM servers from PowerShell: instances, volumes and more, as objects that compose in the pipeline, with -WhatIf, tab completion and help.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('Hypeman.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Hypeman'
        'Disconnect-Hypeman'
        'Get-HypemanConnection'
        'Test-HypemanConnection'
        'Get-HypemanHealth'
        'New-HypemanToken'
        'Get-HypemanInstance'
        'New-HypemanInstance'
        'Remove-HypemanInstance'
        'Start-HypemanInstance'
        'Stop-HypemanInstance'
        'Suspend-HypemanInstance'
        'Resume-HypemanInstance'
        'Wait-HypemanInstance'
        'Get-HypemanVolume'
        'New-HypemanVolume'
        'Remove-HypemanVolume'
        'Mount-HypemanVolume'
        'Dismount-HypemanVolume'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Hypeman', 'microVM', 'VM', 'CloudHypervisor', 'Firecracker', 'OCI', 'PSEdition_Core', 'Linux', 'MacOS', 'Windows')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'First release: connections, tokens, instances (lifecycle, wait) and volumes (create, archive, mount, dismount).'
        }
    }
}
