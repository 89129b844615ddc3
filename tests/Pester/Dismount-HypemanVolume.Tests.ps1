#Requires -Version 7.4
<#
    Dismount-HypemanVolume: detaches and writes the updated instance; a piped instance that does
    not have the volume gets its own VolumeNotAttached error; a missing volume stops the command
    before any instance; a server answering not_implemented gives ONE error and ONE request.
    The pipelines of the design are in Pipelines.Tests.ps1.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman
}

Describe 'Dismount-HypemanVolume' {
    BeforeEach {
        Reset-TestEmulator
        $logs = New-TestVolume -Name 'logs'
        $data = New-TestVolume -Name 'data'
        $web1 = New-TestInstance -Name 'web-1' -Volume 'logs', 'data' -ReadOnly
        $web2 = New-TestInstance -Name 'web-2'
        $web3 = New-TestInstance -Name 'web-3' -Volume 'logs' -ReadOnly
        Clear-TestRequestLog
    }

    It 'detaches a volume and writes the updated instance' {
        $result = Dismount-HypemanVolume -InstanceId 'web-1' -VolumeId 'logs'
        $result | Should -BeOfType ([Hypeman.Instance])
        $result.Name | Should -Be 'web-1'
        @($result.Volumes.VolumeId) | Should -Be @($data.id)
        Get-TestVolumeIdsOf -Instance 'web-1' | Should -Be @($data.id)
        $delete = @(Get-TestRequestLog -Method DELETE)
        $delete.Count | Should -Be 1
        $delete[0].path | Should -Be "/instances/web-1/volumes/$($logs.id)"
        $delete[0].body_length | Should -BeIn @($null, 0) -Because 'detach has no body'
    }

    It 'writes VolumeNotAttached (ObjectNotFound) for a piped instance without the volume, and goes on' {
        $results = @(Get-HypemanInstance 'web-*' | Dismount-HypemanVolume -VolumeId 'logs' -ErrorAction SilentlyContinue -ErrorVariable err)

        @($results.Name | Sort-Object) | Should -Be @('web-1', 'web-3')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VolumeNotAttached,Hypeman.Commands.DismountHypemanVolumeCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -BeIn @($web2.id, 'web-2')
        Get-TestVolumeIdsOf -Instance 'web-1' | Should -Be @($data.id)
        Get-TestVolumeIdsOf -Instance 'web-3' | Should -BeNullOrEmpty
    }

    It 'writes VolumeNotAttached for an instance given by name that does not have the volume' {
        Dismount-HypemanVolume -InstanceId 'web-2' -VolumeId 'logs' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VolumeNotAttached,Hypeman.Commands.DismountHypemanVolumeCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'web-2'
    }

    It 'reports an instance that does not exist as that item''s ObjectNotFound error' {
        'ghost', 'web-3' | ForEach-Object { [pscustomobject]@{ InstanceId = $_ } } |
            Dismount-HypemanVolume -VolumeId 'logs' -ErrorAction SilentlyContinue -ErrorVariable err |
            Should -Not -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'ghost'
        Get-TestVolumeIdsOf -Instance 'web-3' | Should -BeNullOrEmpty
    }

    It 'stops with one terminating VolumeNotFound before any instance when the volume does not exist' {
        $err = $null
        $written = @()
        try { Get-HypemanInstance 'web-*' | Dismount-HypemanVolume -VolumeId 'ghost' -ErrorVariable written } catch { $err = $_ }

        @(Get-DistinctError -Written $written -Thrown $err).Count | Should -Be 1
        $err.FullyQualifiedErrorId | Should -Be 'VolumeNotFound,Hypeman.Commands.DismountHypemanVolumeCommand'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be 'ghost'
        @(Get-TestRequestLog -Method DELETE).Count | Should -Be 0
        @(Get-TestRequestLog -Path '/instances*').Count | Should -Be 0 -Because 'the volume is checked before any instance'
        Get-TestVolumeIdsOf -Instance 'web-1' | Should -HaveCount 2
    }

    It 'sends nothing with -WhatIf' {
        Dismount-HypemanVolume -InstanceId 'web-1' -VolumeId 'logs' -WhatIf | Should -BeNullOrEmpty
        $instances = Get-HypemanInstance 'web-*'
        Clear-TestRequestLog
        $instances | Dismount-HypemanVolume -VolumeId 'logs' -WhatIf
        (Get-TestRequestLog).Count | Should -Be 0
        Get-TestVolumeIdsOf -Instance 'web-1' | Should -HaveCount 2
    }

    Context 'on a server that cannot detach volumes (500 not_implemented)' {
        BeforeEach {
            Set-TestEmulatorSetting @{ volume_ops = 'not-implemented' }
        }

        It 'stops with exactly one NotImplemented error for a pipeline of several instances, sending one DELETE' {
            $instances = @(Get-HypemanInstance 'web-1', 'web-3')
            Clear-TestRequestLog
            $err = $null
            $written = @()
            try { $instances | Dismount-HypemanVolume -VolumeId 'logs' -ErrorAction SilentlyContinue -ErrorVariable written } catch { $err = $_ }

            $errors = @(Get-DistinctError -Written $written -Thrown $err)
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be 'VolumeOperationNotImplemented,Hypeman.Commands.DismountHypemanVolumeCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'NotImplemented'
            $errors[0].Exception.ErrorCode | Should -Be 'not_implemented'
            $errors[0].ErrorDetails.Message | Should -BeLike '*cannot attach or detach volumes*'
            ($errors[0] | Out-String -Width 400) | Should -BeLike '*creat*' -Because 'the error says volumes can be given when the instance is created'
            $delete = @(Get-TestRequestLog -Method DELETE)
            $delete.Count | Should -Be 1 -Because 'not_implemented is never retried, nor tried again for the next item'
            $delete[0].status | Should -Be 500
        }

        It 'gives one error for instances piped by name too (Import-Csv style)' {
            $pairs = 'web-1', 'web-3' | ForEach-Object { [pscustomobject]@{ InstanceId = $_; VolumeId = 'logs' } }
            $err = $null
            $written = @()
            try { $pairs | Dismount-HypemanVolume -ErrorAction SilentlyContinue -ErrorVariable written } catch { $err = $_ }
            @(Get-DistinctError -Written $written -Thrown $err).Count | Should -Be 1
            $err.CategoryInfo.Category | Should -Be 'NotImplemented'
            @(Get-TestRequestLog -Method DELETE).Count | Should -Be 1
        }
    }
}
