#Requires -Version 7.4
<#
    Wait-HypemanInstance: waits with the server's /wait endpoint (0.3.0) and by polling on a 0.2.0
    server; -PassThru; timeouts are OperationTimeout errors. Instances that take time to boot come
    from dedicated emulators started with --boot-delay.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
}

Describe 'Wait-HypemanInstance' {
    Context 'on a 0.3.0 server whose instances boot in 1.5 s' {
        BeforeAll {
            $emulator = Start-TestEmulator -ArgumentList '--boot-delay', '1500'
            $connection = Connect-TestHypeman -BaseUrl $emulator.BaseUrl -Name 'boot-delay' -PassThru
        }

        AfterAll {
            $emulator | Stop-HypemanEmulator
            Connect-TestHypeman
        }

        BeforeEach {
            Reset-TestEmulator -BaseUrl $emulator.BaseUrl
        }

        It 'returns once the instance is Running, using the server''s wait endpoint' {
            $created = New-TestInstance -Name 'booting' -BaseUrl $emulator.BaseUrl
            $created.state | Should -Be 'Initializing'
            Clear-TestRequestLog -BaseUrl $emulator.BaseUrl

            $clock = [Diagnostics.Stopwatch]::StartNew()
            $output = Wait-HypemanInstance -InstanceId 'booting' -State Running
            $clock.Stop()

            $output | Should -BeNullOrEmpty -Because 'without -PassThru nothing is written'
            (Get-TestServerInstance -Id 'booting' -BaseUrl $emulator.BaseUrl).state | Should -Be 'Running'
            $clock.Elapsed.TotalSeconds | Should -BeGreaterThan 0.5
            $wait = @(Get-TestRequestLog -BaseUrl $emulator.BaseUrl -Method GET -Path '/instances/booting/wait')
            $wait.Count | Should -BeGreaterThan 0
            $wait[0].query | Should -BeLike '*state=Running*'
        }

        It 'writes the instance with -PassThru' {
            New-TestInstance -Name 'booting' -BaseUrl $emulator.BaseUrl | Out-Null
            $result = Wait-HypemanInstance 'booting' -State 'running' -PassThru
            $result | Should -BeOfType ([Hypeman.Instance])
            $result.Name | Should -Be 'booting'
            $result.State | Should -Be 'Running'
        }

        It 'waits for each piped instance' {
            New-TestInstance -Name 'boot-a' -BaseUrl $emulator.BaseUrl | Out-Null
            New-TestInstance -Name 'boot-b' -BaseUrl $emulator.BaseUrl | Out-Null
            $results = @(Get-HypemanInstance 'boot-*' | Wait-HypemanInstance -State Running -PassThru)
            @($results.Name | Sort-Object) | Should -Be @('boot-a', 'boot-b')
            $results | ForEach-Object { $_.State | Should -Be 'Running' }
        }

        It 'writes an OperationTimeout error when the state is not reached in time' {
            Set-TestEmulatorSetting -BaseUrl $emulator.BaseUrl @{ boot_delay_ms = 60000 }
            New-TestInstance -Name 'slow' -BaseUrl $emulator.BaseUrl | Out-Null
            $clock = [Diagnostics.Stopwatch]::StartNew()
            Wait-HypemanInstance 'slow' -State Running -TimeoutSec 1 -PassThru -ErrorAction SilentlyContinue -ErrorVariable err |
                Should -BeNullOrEmpty
            $clock.Stop()
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'WaitTimedOut,Hypeman.Commands.WaitHypemanInstanceCommand'
            $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $err[0].TargetObject | Should -Be 'slow'
            $err[0].Exception.Message | Should -BeLike '*Initializing*'
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        }

        It 'reports a state the instance will not leave by itself instead of waiting for the timeout' {
            New-TestInstance -Name 'parked' -State Stopped -BaseUrl $emulator.BaseUrl | Out-Null
            $clock = [Diagnostics.Stopwatch]::StartNew()
            Wait-HypemanInstance 'parked' -State Running -TimeoutSec 60 -ErrorAction SilentlyContinue -ErrorVariable err
            $clock.Stop()
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'UnexpectedState,Hypeman.Commands.WaitHypemanInstanceCommand'
            $err[0].Exception.Message | Should -BeLike '*Stopped*'
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        }

        It 'reports a missing instance as ObjectNotFound' {
            Wait-HypemanInstance 'ghost' -State Running -ErrorAction SilentlyContinue -ErrorVariable err
            $err.Count | Should -Be 1
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err[0].TargetObject | Should -Be 'ghost'
        }
    }

    Context 'on a 0.2.0 server, which has no wait endpoint' {
        BeforeAll {
            $emulator = Start-TestEmulator -ArgumentList '--api-version', '0.2.0', '--boot-delay', '1200'
        }

        AfterAll {
            $emulator | Stop-HypemanEmulator
            Connect-TestHypeman
        }

        BeforeEach {
            Reset-TestEmulator -BaseUrl $emulator.BaseUrl
        }

        It 'polls the instance, and asks for /wait at most once' {
            # A connection made without Connect-Hypeman: the client does not know the version in advance.
            $connection = New-TestConnection -BaseUrl $emulator.BaseUrl -Name 'v020'
            New-TestInstance -Name 'old-boot' -BaseUrl $emulator.BaseUrl | Out-Null
            Clear-TestRequestLog -BaseUrl $emulator.BaseUrl

            $result = Wait-HypemanInstance 'old-boot' -State Running -PassThru -Connection $connection
            $result.State | Should -Be 'Running'

            $log = Get-TestRequestLog -BaseUrl $emulator.BaseUrl
            @($log | Where-Object path -like '*/wait').Count | Should -BeLessOrEqual 1
            @($log | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/instances/old-boot' }).Count | Should -BeGreaterThan 1 -Because 'it polls'

            # The next wait knows the server has no /wait.
            New-TestInstance -Name 'old-boot-2' -BaseUrl $emulator.BaseUrl | Out-Null
            Clear-TestRequestLog -BaseUrl $emulator.BaseUrl
            (Wait-HypemanInstance 'old-boot-2' -State Running -PassThru -Connection $connection).State | Should -Be 'Running'
            @(Get-TestRequestLog -BaseUrl $emulator.BaseUrl -Path '*/wait').Count | Should -Be 0
        }

        It 'polls without any /wait request after Connect-Hypeman detected 0.2.0' {
            $connection = Connect-TestHypeman -BaseUrl $emulator.BaseUrl -Name 'v020-connected' -PassThru
            $connection.ApiVersion | Should -Be '0.2.0'
            New-TestInstance -Name 'old-boot' -BaseUrl $emulator.BaseUrl | Out-Null
            Clear-TestRequestLog -BaseUrl $emulator.BaseUrl

            (Wait-HypemanInstance 'old-boot' -State Running -PassThru).State | Should -Be 'Running'
            @(Get-TestRequestLog -BaseUrl $emulator.BaseUrl -Path '*/wait').Count | Should -Be 0
            @(Get-TestRequestLog -BaseUrl $emulator.BaseUrl -Method GET -Path '/instances/old-boot').Count | Should -BeGreaterThan 1
        }

        It 'stops polling at a state the instance will not leave by itself' {
            Connect-TestHypeman -BaseUrl $emulator.BaseUrl -Name 'v020-connected'
            Set-TestEmulatorSetting -BaseUrl $emulator.BaseUrl @{ boot_delay_ms = 0 }
            New-TestInstance -Name 'old-parked' -State Stopped -BaseUrl $emulator.BaseUrl | Out-Null
            $clock = [Diagnostics.Stopwatch]::StartNew()
            Wait-HypemanInstance 'old-parked' -State Running -TimeoutSec 60 -ErrorAction SilentlyContinue -ErrorVariable err
            $clock.Stop()
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'UnexpectedState,Hypeman.Commands.WaitHypemanInstanceCommand'
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        }

        It 'times out with OperationTimeout while polling' {
            Set-TestEmulatorSetting -BaseUrl $emulator.BaseUrl @{ boot_delay_ms = 60000 }
            Connect-TestHypeman -BaseUrl $emulator.BaseUrl -Name 'v020-connected'
            New-TestInstance -Name 'old-slow' -BaseUrl $emulator.BaseUrl | Out-Null
            Wait-HypemanInstance 'old-slow' -State Running -TimeoutSec 1 -ErrorAction SilentlyContinue -ErrorVariable err
            $err.Count | Should -Be 1
            $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $err[0].Exception.Message | Should -BeLike '*Created*'
        }
    }
}
