#Requires -Version 7.4
<#
    Mount-HypemanVolume: attaches a volume (spec contract of the emulator) and writes the updated
    instance; already attached → ResourceExists; a bad -MountPath is refused before anything is
    sent; a missing volume stops the command before any instance; not_implemented → one error.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman
}

Describe 'Mount-HypemanVolume' {
    BeforeEach {
        Reset-TestEmulator
        $data = New-TestVolume -Name 'data'
        $shared = New-TestVolume -Name 'shared'
        $web1 = New-TestInstance -Name 'web-1'
        $web2 = New-TestInstance -Name 'web-2'
        Clear-TestRequestLog
    }

    It 'attaches a volume and writes the updated instance' {
        $result = Mount-HypemanVolume -InstanceId 'web-1' -VolumeId 'data' -MountPath '/mnt/data'
        $result | Should -BeOfType ([Hypeman.Instance])
        $result.Name | Should -Be 'web-1'
        $result.Volumes.Count | Should -Be 1
        $result.Volumes[0].VolumeId | Should -Be $data.id
        $result.Volumes[0].MountPath | Should -Be '/mnt/data'
        $result.Volumes[0].InstanceName | Should -Be 'web-1'
        Get-TestVolumeIdsOf -Instance 'web-1' | Should -Be @($data.id)

        $post = @(Get-TestRequestLog -Method POST)
        $post.Count | Should -Be 1
        $post[0].path | Should -Be "/instances/web-1/volumes/$($data.id)"
        $body = $post[0].body | ConvertFrom-Json
        $body.mount_path | Should -Be '/mnt/data'
        $body.readonly | Should -BeFalse
    }

    It 'attaches read-only with -ReadOnly' {
        (Mount-HypemanVolume 'web-1' 'data' '/mnt/data' -ReadOnly).Volumes[0].ReadOnly | Should -BeTrue
        ((Get-TestRequestLog -Method POST)[0].body | ConvertFrom-Json).readonly | Should -BeTrue
    }

    It 'attaches one volume read-only to every piped instance' {
        $results = @(Get-HypemanInstance 'web-*' | Mount-HypemanVolume -VolumeId 'shared' -MountPath '/mnt/shared' -ReadOnly)
        @($results.Name | Sort-Object) | Should -Be @('web-1', 'web-2')
        Get-TestVolumeIdsOf -Instance 'web-1' | Should -Be @($shared.id)
        Get-TestVolumeIdsOf -Instance 'web-2' | Should -Be @($shared.id)
        @(Get-TestRequestLog -Method GET -Path '/volumes/shared').Count | Should -Be 1 -Because 'the volume is looked up once'
    }

    It 'refuses a volume that is already attached with ResourceExists, and goes on' {
        Invoke-TestApi -Method Post -Path 'instances/web-1/volumes/shared' -Body @{ mount_path = '/mnt/shared'; readonly = $true } | Out-Null
        Clear-TestRequestLog
        $results = @(Get-HypemanInstance 'web-*' | Mount-HypemanVolume -VolumeId 'shared' -MountPath '/mnt/shared' -ReadOnly -ErrorAction SilentlyContinue -ErrorVariable err)
        $results.Name | Should -Be @('web-2')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VolumeAlreadyAttached,Hypeman.Commands.MountHypemanVolumeCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].TargetObject | Should -BeIn @($web1.id, 'web-1')
    }

    It 'reports the server''s 409 for a volume already attached, given by name, as ResourceExists' {
        Invoke-TestApi -Method Post -Path 'instances/web-1/volumes/data' -Body @{ mount_path = '/mnt/data' } | Out-Null
        Mount-HypemanVolume -InstanceId 'web-1' -VolumeId 'data' -MountPath '/mnt/other' -ErrorAction SilentlyContinue -ErrorVariable err |
            Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VolumeAttachConflict,Hypeman.Commands.MountHypemanVolumeCommand'
        $err[0].ErrorDetails.Message | Should -BeLike '*already attached*'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].TargetObject | Should -Be 'web-1'
        $err[0].Exception.StatusCode | Should -Be 409
    }

    It 'reports a volume attached read-write to another instance as that item''s error, and goes on' {
        Invoke-TestApi -Method Post -Path 'instances/web-1/volumes/data' -Body @{ mount_path = '/mnt/data' } | Out-Null
        New-TestInstance -Name 'web-3' | Out-Null
        Clear-TestRequestLog
        $requests = @(
            [pscustomobject]@{ InstanceId = 'web-2'; VolumeId = 'data'; MountPath = '/mnt/data' }
            [pscustomobject]@{ InstanceId = 'web-2'; VolumeId = 'shared'; MountPath = '/mnt/s' }
            [pscustomobject]@{ InstanceId = 'web-3'; VolumeId = 'shared'; MountPath = '/mnt/s' }
        )
        $results = @($requests | Mount-HypemanVolume -ReadOnly -ErrorAction SilentlyContinue -ErrorVariable err)
        $results.Count | Should -Be 2
        $err.Count | Should -Be 1
        $err[0].TargetObject | Should -Be 'web-2'
        $err[0].Exception.StatusCode | Should -Be 409
        $err[0].ErrorDetails.Message | Should -BeLike '*read-write*'
        Get-TestVolumeIdsOf -Instance 'web-2' | Should -Be @($shared.id)
    }

    It 'refuses the mount path <Path> before anything is sent' -ForEach @(
        @{ Path = 'relative/path' }
        @{ Path = 'mnt' }
        @{ Path = '' }
    ) {
        $err = $null
        try { Mount-HypemanVolume -InstanceId 'web-1' -VolumeId 'data' -MountPath $Path } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,Hypeman.Commands.MountHypemanVolumeCommand'
        $err.Exception.Message | Should -BeLike '*MountPath*'
        (Get-TestRequestLog).Count | Should -Be 0
    }

    It 'stops with one terminating VolumeNotFound before any instance when the volume does not exist' {
        $err = $null
        try { Get-HypemanInstance 'web-*' | Mount-HypemanVolume -VolumeId 'ghost' -MountPath '/mnt/ghost' -ErrorVariable written } catch { $err = $_ }
        @(Get-DistinctError -Written $written -Thrown $err).Count | Should -Be 1
        $err.FullyQualifiedErrorId | Should -Be 'VolumeNotFound,Hypeman.Commands.MountHypemanVolumeCommand'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be 'ghost'
        @(Get-TestRequestLog -Path '/instances*').Count | Should -Be 0
    }

    It 'reports a missing instance as that item''s ObjectNotFound error' {
        'ghost', 'web-1' | ForEach-Object { [pscustomobject]@{ InstanceId = $_ } } |
            Mount-HypemanVolume -VolumeId 'data' -MountPath '/mnt/data' -ErrorAction SilentlyContinue -ErrorVariable err |
            Should -Not -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'ghost'
        Get-TestVolumeIdsOf -Instance 'web-1' | Should -Be @($data.id)
    }

    It 'sends nothing with -WhatIf' {
        Get-HypemanInstance 'web-*' | Out-Null
        Clear-TestRequestLog
        Mount-HypemanVolume -InstanceId 'web-1' -VolumeId 'data' -MountPath '/mnt/data' -WhatIf | Should -BeNullOrEmpty
        (Get-TestRequestLog).Count | Should -Be 0
    }

    Context 'on a server that cannot attach volumes (500 not_implemented)' {
        BeforeEach {
            Set-TestEmulatorSetting @{ volume_ops = 'not-implemented' }
        }

        It 'stops with exactly one NotImplemented error for a pipeline of several instances, sent once' {
            $err = $null
            $written = @()
            try {
                Get-HypemanInstance 'web-*' | Mount-HypemanVolume -VolumeId 'data' -MountPath '/mnt/data' -ReadOnly -ErrorAction SilentlyContinue -ErrorVariable written
            }
            catch { $err = $_ }

            $errors = @(Get-DistinctError -Written $written -Thrown $err)
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'VolumeOperationNotImplemented,Hypeman.Commands.MountHypemanVolumeCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'NotImplemented'
            ($errors[0] | Out-String -Width 400) | Should -BeLike '*creat*'
            @(Get-TestRequestLog -Method POST -Path '/instances/*/volumes/*').Count | Should -Be 1
        }
    }
}
