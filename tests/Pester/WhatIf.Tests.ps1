#Requires -Version 7.4
<#
    -WhatIf sends nothing, for every cmdlet that changes something on the server: the emulator's
    request log stays empty and the server's state is unchanged. The list of cmdlets is checked
    against the module, so a new state-changing cmdlet cannot be forgotten here.
#>

BeforeDiscovery {
    $cases = @(
        @{ Name = 'New-HypemanInstance'; Invoke = { New-HypemanInstance -Name 'new-one' -Image 'nginx' -Volume 'data:/mnt/data' -WhatIf } }
        @{ Name = 'Remove-HypemanInstance'; Invoke = { Remove-HypemanInstance -InstanceId 'running', 'stopped' -Force -WhatIf } }
        @{ Name = 'Start-HypemanInstance'; Invoke = { Start-HypemanInstance -InstanceId 'stopped' -WhatIf } }
        @{ Name = 'Stop-HypemanInstance'; Invoke = { Stop-HypemanInstance -InstanceId 'running' -WhatIf } }
        @{ Name = 'Suspend-HypemanInstance'; Invoke = { Suspend-HypemanInstance -InstanceId 'running' -WhatIf } }
        @{ Name = 'Resume-HypemanInstance'; Invoke = { Resume-HypemanInstance -InstanceId 'standby' -WhatIf } }
        @{ Name = 'New-HypemanVolume'; Invoke = { New-HypemanVolume -Name 'new-volume' -SizeGB 1 -WhatIf } }
        @{ Name = 'Remove-HypemanVolume'; Invoke = { Remove-HypemanVolume -VolumeId 'data' -Force -WhatIf } }
        @{ Name = 'Mount-HypemanVolume'; Invoke = { Mount-HypemanVolume -InstanceId 'running' -VolumeId 'data' -MountPath '/mnt/data' -WhatIf } }
        @{ Name = 'Dismount-HypemanVolume'; Invoke = { Dismount-HypemanVolume -InstanceId 'stopped' -VolumeId 'logs' -WhatIf } }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman

    function Get-ServerSnapshot {
        # What a state-changing call could change (not the clock-driven phase durations).
        $instances = Invoke-TestApi -Method Get -Path 'instances' | Write-Output | Sort-Object id | ForEach-Object {
            "$($_.id) $($_.name) $($_.state) [$((@($_.PSObject.Properties['volumes'].Value) | ForEach-Object { "$($_.volume_id):$($_.mount_path)" }) -join ',')]"
        }
        $volumes = Invoke-TestApi -Method Get -Path 'volumes' | Write-Output | Sort-Object id | ForEach-Object {
            "$($_.id) $($_.name) $($_.size_gb) [$((@($_.PSObject.Properties['attachments'].Value) | ForEach-Object instance_id) -join ',')]"
        }
        @($instances) + @($volumes) -join "`n"
    }
}

Describe '-WhatIf' {
    BeforeEach {
        Reset-TestEmulator
        New-TestVolume -Name 'data' | Out-Null
        New-TestVolume -Name 'logs' | Out-Null
        New-TestInstance -Name 'running' | Out-Null
        New-TestInstance -Name 'stopped' -State Stopped -Volume 'logs' | Out-Null
        New-TestInstance -Name 'standby' -State Standby | Out-Null
        $before = Get-ServerSnapshot
        Clear-TestRequestLog
    }

    It 'covers every cmdlet that supports ShouldProcess' {
        $supported = @(Get-Command -Module Hypeman -CommandType Cmdlet |
                Where-Object { $_.Parameters.ContainsKey('WhatIf') } | ForEach-Object Name | Sort-Object)
        $tested = @($cases.Name | Sort-Object)
        $tested | Should -Be $supported
    } -TestCases @{ cases = $cases }

    It '<Name> -WhatIf sends no request and changes nothing' -ForEach $cases {
        $output = & $Invoke
        $output | Should -BeNullOrEmpty
        $log = Get-TestRequestLog
        $log.Count | Should -Be 0 -Because "$Name -WhatIf sent: $(($log | ForEach-Object { "$($_.method) $($_.path)" }) -join ', ')"
        Get-ServerSnapshot | Should -Be $before
    }

    It '<Name> sends nothing under $WhatIfPreference = $true either' -ForEach $cases {
        $WhatIfPreference = $true
        try { & $Invoke | Out-Null }
        finally { $WhatIfPreference = $false }
        (Get-TestRequestLog).Count | Should -Be 0
    }

    It 'sends nothing for a whole pipeline of piped instances' {
        $instances = Get-HypemanInstance
        Clear-TestRequestLog
        $instances | Stop-HypemanInstance -WhatIf
        $instances | Remove-HypemanInstance -WhatIf
        $instances | Dismount-HypemanVolume -VolumeId 'logs' -WhatIf
        $instances | Mount-HypemanVolume -VolumeId 'data' -MountPath '/mnt/data' -WhatIf
        (Get-TestRequestLog).Count | Should -Be 0
        Get-ServerSnapshot | Should -Be $before
    }
}
