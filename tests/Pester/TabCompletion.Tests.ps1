#Requires -Version 7.4
<#
    Tab completion (TabExpansion2, as the console runs it): live instance and volume names from the
    server, only the instance's own volumes for Dismount-HypemanVolume -VolumeId, states,
    connection names; and nothing, quickly and without an error, when the server is down.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule

    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText)
    }
}

Describe 'Tab completion' {
    BeforeAll {
        Reset-TestEmulator
        New-TestVolume -Name 'logs' | Out-Null
        New-TestVolume -Name 'data' | Out-Null
        New-TestVolume -Name 'cache' | Out-Null
        New-TestInstance -Name 'web-1' -Volume 'logs', 'cache' -ReadOnly | Out-Null
        New-TestInstance -Name 'web-2' -Volume 'data' | Out-Null
        New-TestInstance -Name 'api' -State Stopped | Out-Null
    }

    BeforeEach {
        # A fresh connection also empties the completion cache of this runspace.
        Connect-TestHypeman -Name 'completion'
    }

    Context 'instances' {
        It 'completes every instance name for Get-HypemanInstance <positional>' {
            Get-Completion 'Get-HypemanInstance ' | Should -Be @('api', 'web-1', 'web-2')
        }

        It 'completes only matching names for Stop-HypemanInstance -InstanceId w' {
            Get-Completion 'Stop-HypemanInstance -InstanceId w' | Should -Be @('web-1', 'web-2')
        }

        It 'completes IDs for Get-HypemanInstance -Id' {
            $web1 = Get-TestServerInstance -Id 'web-1'
            Get-Completion "Get-HypemanInstance -Id $($web1.id.Substring(0, 8))" | Should -Be @($web1.id)
        }

        It 'sees instances created since the connection was made (live names)' {
            New-TestInstance -Name 'worker-9' | Out-Null
            Connect-TestHypeman -Name 'completion'
            Get-Completion 'Remove-HypemanInstance wor' | Should -Be @('worker-9')
            Invoke-TestApi -Method Delete -Path 'instances/worker-9' | Out-Null
        }
    }

    Context 'volumes' {
        It 'completes every volume for Get-HypemanVolume' {
            Get-Completion 'Get-HypemanVolume ' | Should -Be @('cache', 'data', 'logs')
        }

        It 'completes only web-1''s volumes for Dismount-HypemanVolume -InstanceId web-1 -VolumeId' {
            Get-Completion 'Dismount-HypemanVolume -InstanceId web-1 -VolumeId ' | Should -Be @('cache', 'logs')
            Get-Completion 'Dismount-HypemanVolume -InstanceId web-2 -VolumeId ' | Should -Be @('data')
        }

        It 'completes every volume for Mount-HypemanVolume -VolumeId' {
            Get-Completion 'Mount-HypemanVolume -InstanceId api -VolumeId ' | Should -Be @('cache', 'data', 'logs')
        }
    }

    Context 'states and connections' {
        It 'completes the instance states for -State' {
            $states = Get-Completion 'Get-HypemanInstance -State '
            foreach ($state in 'Running', 'Stopped', 'Standby', 'Initializing') { $states | Should -Contain $state }
            Get-Completion 'Wait-HypemanInstance web-1 -State St' | Should -Be @('Standby', 'Stopped')
        }

        It 'completes connection names for -Connection' {
            Connect-TestHypeman -Name 'lab-a'
            Connect-TestHypeman -Name 'lab-b'
            $names = Get-Completion 'Get-HypemanInstance -Connection '
            $names | Should -Contain 'lab-a'
            $names | Should -Contain 'lab-b'
            $names | Should -Contain 'completion'
            Get-Completion 'Get-HypemanVolume -Connection lab-' | Should -Be @('lab-a', 'lab-b')
        }
    }

    Context 'when the server is down' {
        BeforeAll {
            $savedUrl = $env:HYPEMAN_BASE_URL
            $savedKey = $env:HYPEMAN_API_KEY
        }

        AfterAll {
            $env:HYPEMAN_BASE_URL = $savedUrl
            $env:HYPEMAN_API_KEY = $savedKey
            Connect-TestHypeman
        }

        It 'completes nothing for <Line>, quickly and without an error' -ForEach @(
            @{ Line = 'Get-HypemanInstance ' }
            @{ Line = 'Stop-HypemanInstance -InstanceId w' }
            @{ Line = 'Dismount-HypemanVolume -InstanceId web-1 -VolumeId ' }
        ) {
            Disconnect-AllTestHypeman
            $env:HYPEMAN_BASE_URL = Get-DeadBaseUrl
            $env:HYPEMAN_API_KEY = New-TestJwt
            $Error.Clear()
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $completions = Get-Completion $Line
            $clock.Stop()
            $completions | Should -BeNullOrEmpty
            $Error.Count | Should -Be 0
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
        }

        It 'completes nothing, without an error, when the server answers with an error' {
            Clear-TestRequestLog
            Add-TestFault @{ method = 'GET'; path = '/instances'; status = 500; count = 5; body = '{"code":"internal_error","message":"down"}' }
            $Error.Clear()
            Get-Completion 'Get-HypemanInstance ' | Should -BeNullOrEmpty
            $Error.Count | Should -Be 0
            @(Get-TestRequestLog -Method GET -Path '/instances' | Where-Object faulted).Count | Should -BeGreaterThan 0
            Invoke-RestMethod -Method Delete -Uri "$(Get-TestBaseUrl)/_emulator/faults" | Out-Null
        }
    }
}
