#Requires -Version 7.4
<#
    Remove-HypemanVolume: deletes unattached volumes; an attached one is that item's ResourceBusy
    error (the server's conflict); -WhatIf sends nothing.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman
}

Describe 'Remove-HypemanVolume' {
    BeforeEach {
        Reset-TestEmulator
        $free = New-TestVolume -Name 'free'
        $spare = New-TestVolume -Name 'spare'
        $busy = New-TestVolume -Name 'busy'
        New-TestInstance -Name 'user' -Volume 'busy' -State Stopped | Out-Null
        Clear-TestRequestLog
    }

    It 'removes a volume with -Force and writes nothing' {
        Remove-HypemanVolume 'free' -Force | Should -BeNullOrEmpty
        Get-TestServerVolume -Id $free.id | Should -BeNullOrEmpty
        (Get-TestRequestLog -Method DELETE).path | Should -Be @('/volumes/free')
    }

    It 'removes with -Confirm:$false, and takes piped volumes' {
        Get-HypemanVolume 'free', 'spare' | Remove-HypemanVolume -Confirm:$false
        Get-TestServerVolume -Id $free.id | Should -BeNullOrEmpty
        Get-TestServerVolume -Id $spare.id | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf, even with -Force' {
        Remove-HypemanVolume 'free' -WhatIf
        Remove-HypemanVolume 'free' -WhatIf -Force
        (Get-TestRequestLog).Count | Should -Be 0
        Get-TestServerVolume -Id $free.id | Should -Not -BeNullOrEmpty
    }

    It 'refuses an attached volume with a non-terminating ResourceBusy error (conflict), and removes the others' {
        'busy', 'free' | Remove-HypemanVolume -Force -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VolumeInUse,Hypeman.Commands.RemoveHypemanVolumeCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $err[0].TargetObject | Should -Be 'busy'
        $err[0].Exception.StatusCode | Should -Be 409
        $err[0].Exception.ErrorCode | Should -Be 'conflict'
        $err[0].ErrorDetails.Message | Should -BeLike '*in use*'
        Get-TestServerVolume -Id $busy.id | Should -Not -BeNullOrEmpty
        Get-TestServerVolume -Id $free.id | Should -BeNullOrEmpty
        @(Get-TestRequestLog -Method DELETE -Path '/volumes/busy').Count | Should -Be 1 -Because 'a conflict is not retried'
    }

    It 'reports a missing volume as ObjectNotFound' {
        Remove-HypemanVolume 'ghost' -Force -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'ghost'
    }
}
