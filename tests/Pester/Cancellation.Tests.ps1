#Requires -Version 7.4
<#
    Ctrl+C: stopping a pipeline (PowerShell.Stop(), what Ctrl+C does) ends a call that is waiting
    on the server at once, as a stopped pipeline and not as an error.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    $connection = Connect-TestHypeman -PassThru

    # Starts a command in another runspace of this process (its $c is the connection) and returns
    # once the emulator has received the request the command then waits on.
    function Start-LongCall {
        param([string] $Command, [string] $Method, [string] $Path)
        $ps = [powershell]::Create()
        $null = $ps.AddScript("param(`$c) Import-Module '$($env:HYPEMAN_MODULE_PATH)'; $Command").AddArgument($connection)
        $async = $ps.BeginInvoke()
        try {
            Wait-TestRequest -Method $Method -Path $Path -TimeoutSec 30 | Out-Null
        }
        catch {
            $ps.Stop()
            $ps.Dispose()
            throw
        }
        Start-Sleep -Milliseconds 200 # the cmdlet is now blocked on the server's answer
        [pscustomobject]@{ PowerShell = $ps; Async = $async }
    }

    function Stop-LongCall($Call) {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $Call.PowerShell.Stop()
        $clock.Stop()
        $thrown = $null
        try { $null = $Call.PowerShell.EndInvoke($Call.Async) }
        catch {
            $thrown = $_.Exception
            if ($thrown -is [System.Management.Automation.MethodInvocationException]) { $thrown = $thrown.InnerException }
        }
        [pscustomobject]@{
            Seconds = $clock.Elapsed.TotalSeconds
            State   = $Call.PowerShell.InvocationStateInfo.State
            Reason  = $Call.PowerShell.InvocationStateInfo.Reason
            Errors  = @($Call.PowerShell.Streams.Error)
            Thrown  = $thrown
        }
    }
}

Describe 'Stopping a pipeline (Ctrl+C)' {
    BeforeEach {
        Reset-TestEmulator
        $call = $null
    }

    AfterEach {
        if ($call) {
            $call.PowerShell.Stop()
            $call.PowerShell.Dispose()
        }
    }

    It 'stops a request the server holds for 30 s within about a second' {
        Add-TestFault @{ method = 'GET'; path = '/instances'; delay_ms = 30000 }
        $call = Start-LongCall -Command 'Get-HypemanInstance -Connection $c' -Method GET -Path '/instances'

        $stopped = Stop-LongCall $call
        $stopped.Seconds | Should -BeLessThan 1.5
        $stopped.State | Should -Be 'Stopped'
        $stopped.Errors.Count | Should -Be 0 -Because 'a stopped pipeline is not an error'
        if ($stopped.Thrown) { $stopped.Thrown | Should -BeOfType ([System.Management.Automation.PipelineStoppedException]) }

        # The HTTP request itself was cancelled: the emulator saw the client go away.
        $deadline = [DateTime]::UtcNow.AddSeconds(5)
        do {
            $request = @(Get-TestRequestLog -Method GET -Path '/instances')[0]
            if ($request.aborted) { break }
            Start-Sleep -Milliseconds 100
        } while ([DateTime]::UtcNow -lt $deadline)
        $request.aborted | Should -BeTrue
    }

    It 'stops a call that waits to retry (Retry-After: 30)' {
        Add-TestFault @{ method = 'GET'; path = '/volumes'; status = 503; count = 5; headers = @{ 'Retry-After' = '30' } }
        $call = Start-LongCall -Command 'Get-HypemanVolume -Connection $c' -Method GET -Path '/volumes'

        $stopped = Stop-LongCall $call
        $stopped.Seconds | Should -BeLessThan 1.5
        $stopped.State | Should -Be 'Stopped'
        $stopped.Errors.Count | Should -Be 0
        @(Get-TestRequestLog -Path '/volumes').Count | Should -Be 1 -Because 'the retry never happened'
    }

    It 'stops a POST the server holds' {
        Add-TestFault @{ method = 'POST'; path = '/volumes'; delay_ms = 30000 }
        $call = Start-LongCall -Command 'New-HypemanVolume -Name slow -SizeGB 1 -Connection $c' -Method POST -Path '/volumes'

        $stopped = Stop-LongCall $call
        $stopped.Seconds | Should -BeLessThan 1.5
        $stopped.State | Should -Be 'Stopped'
        $stopped.Errors.Count | Should -Be 0
    }

    It 'stops an archive upload the server holds' {
        $work = Join-Path ([IO.Path]::GetTempPath()) "hypeman-cancel-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path (Join-Path $work 'c') | Out-Null
        Set-Content -LiteralPath (Join-Path $work 'c' 'file.txt') -Value 'content'
        & tar -czf (Join-Path $work 'a.tar.gz') -C (Join-Path $work 'c') .
        try {
            Add-TestFault @{ method = 'POST'; path = '/volumes/from-archive'; delay_ms = 30000 }
            $call = Start-LongCall -Command "New-HypemanVolume -Name upload -SizeGB 1 -ArchivePath '$(Join-Path $work 'a.tar.gz')' -Connection `$c" -Method POST -Path '/volumes/from-archive'

            $stopped = Stop-LongCall $call
            $stopped.Seconds | Should -BeLessThan 1.5
            $stopped.State | Should -Be 'Stopped'
            $stopped.Errors.Count | Should -Be 0
            Get-TestServerVolume -Id 'upload' | Should -BeNullOrEmpty
        }
        finally { Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue }
    }

    It 'stops Wait-HypemanInstance while the server waits' {
        New-TestInstance -Name 'long-wait' | Out-Null
        $call = Start-LongCall -Command 'Wait-HypemanInstance long-wait -State Stopped -TimeoutSec 120 -Connection $c' -Method GET -Path '/instances/long-wait/wait'

        $stopped = Stop-LongCall $call
        $stopped.Seconds | Should -BeLessThan 1.5
        $stopped.State | Should -Be 'Stopped'
        $stopped.Errors.Count | Should -Be 0
    }

    It 'stops a pipeline of several items before the next item is sent' {
        New-TestInstance -Name 'one' | Out-Null
        New-TestInstance -Name 'two' | Out-Null
        Add-TestFault @{ method = 'POST'; path = '/instances/one/stop'; delay_ms = 30000 }
        $call = Start-LongCall -Command 'Stop-HypemanInstance one, two -Connection $c' -Method POST -Path '/instances/one/stop'

        $stopped = Stop-LongCall $call
        $stopped.Seconds | Should -BeLessThan 1.5
        $stopped.State | Should -Be 'Stopped'
        @(Get-TestRequestLog -Path '/instances/two/stop').Count | Should -Be 0
        (Get-TestServerInstance -Id 'two').state | Should -Be 'Running'
    }
}
