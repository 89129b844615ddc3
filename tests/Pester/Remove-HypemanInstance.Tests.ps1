#Requires -Version 7.4
<#
    Remove-HypemanInstance: deletes in any state, -Force / -Confirm:$false / -WhatIf, pipelines of
    several instances, and a missing instance as that item's error.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman
}

Describe 'Remove-HypemanInstance' {
    BeforeEach {
        Reset-TestEmulator
        $running = New-TestInstance -Name 'rm-running'
        $stopped = New-TestInstance -Name 'rm-stopped' -State Stopped
        $standby = New-TestInstance -Name 'rm-standby' -State Standby
        $keep = New-TestInstance -Name 'keep'
        Clear-TestRequestLog
    }

    It 'removes an instance with -Force and writes nothing' {
        $output = Remove-HypemanInstance -InstanceId 'rm-running' -Force
        $output | Should -BeNullOrEmpty
        Get-TestServerInstance -Id $running.id | Should -BeNullOrEmpty
        Get-TestServerInstance -Id $keep.id | Should -Not -BeNullOrEmpty
        $delete = @(Get-TestRequestLog -Method DELETE)
        $delete.Count | Should -Be 1
        $delete[0].path | Should -Be '/instances/rm-running'
    }

    It 'removes with -Confirm:$false' {
        Remove-HypemanInstance 'rm-stopped' -Confirm:$false
        Get-TestServerInstance -Id $stopped.id | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf, even with -Force' {
        Remove-HypemanInstance 'rm-running' -WhatIf
        Remove-HypemanInstance 'rm-running' -WhatIf -Force
        (Get-TestRequestLog).Count | Should -Be 0
        Get-TestServerInstance -Id $running.id | Should -Not -BeNullOrEmpty
    }

    It 'removes every instance of a pipeline, in any state' {
        Get-HypemanInstance 'rm-*' | Remove-HypemanInstance -Force
        Get-TestServerInstance -Id $running.id | Should -BeNullOrEmpty
        Get-TestServerInstance -Id $stopped.id | Should -BeNullOrEmpty
        Get-TestServerInstance -Id $standby.id | Should -BeNullOrEmpty
        Get-TestServerInstance -Id $keep.id | Should -Not -BeNullOrEmpty
        @(Get-TestRequestLog -Method DELETE | ForEach-Object path | Sort-Object) |
            Should -Be @(@($running.id, $stopped.id, $standby.id) | Sort-Object | ForEach-Object { "/instances/$_" })
    }

    It 'takes several identifiers (names, IDs, prefixes) as an argument' {
        Remove-HypemanInstance 'rm-running', $stopped.id, $standby.id.Substring(0, 12) -Force
        @(Invoke-TestApi -Method Get -Path 'instances' | Write-Output).name | Should -Be @('keep')
    }

    It 'reports a missing instance as a non-terminating ObjectNotFound error and removes the others' {
        'ghost', 'rm-running' | Remove-HypemanInstance -Force -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'ghost'
        $err[0].Exception.StatusCode | Should -Be 404
        Get-TestServerInstance -Id $running.id | Should -BeNullOrEmpty
    }

    It 'detaches the volumes of a removed instance, which can then be removed' {
        New-TestVolume -Name 'attached' | Out-Null
        New-TestInstance -Name 'with-volume' -Volume 'attached' | Out-Null
        Remove-HypemanInstance 'with-volume' -Force
        (Get-TestServerVolume -Id 'attached').PSObject.Properties['attachments'].Value | Should -BeNullOrEmpty
    }
}
