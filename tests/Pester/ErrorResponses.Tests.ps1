#Requires -Version 7.4
<#
    What the real server sometimes sends, and the clean ErrorRecords the module makes of it:
    plain-text 404s, error bodies that are not valid JSON (unescaped quotes), empty error bodies,
    and success bodies that are not valid JSON. Messages are the server's text, never a .NET
    stack trace.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman

    function Assert-CleanError([System.Management.Automation.ErrorRecord] $ErrorRecord) {
        $shown = $ErrorRecord | Out-String -Width 400
        $shown | Should -Not -Match '(?m)^\s*at [\w.`<>]+\(' -Because 'no .NET stack trace is shown'
        $shown | Should -Not -Match '\w+Exception:' -Because 'no exception type names are shown'
        $ErrorRecord.Exception.Message | Should -Not -Match '(?m)^\s*at [\w.`<>]+\('
        $ErrorRecord.Exception.Message | Should -Not -Match 'System\.Text\.Json|JsonReaderException|--->'
        if ($ErrorRecord.ErrorDetails) { $ErrorRecord.ErrorDetails.Message | Should -Not -Match '(?m)^\s*at [\w.`<>]+\(' }
    }
}

Describe 'Error responses' {
    BeforeEach {
        Reset-TestEmulator
        New-TestInstance -Name 'web-1' | Out-Null
        New-TestVolume -Name 'data' | Out-Null
        Clear-TestRequestLog
    }

    Context 'error bodies that are not JSON' {
        It 'shows a plain-text 404 as it came' {
            Add-TestFault @{ method = 'POST'; path = '/instances/web-1/stop'; status = 404; body = '404 page not found'; content_type = 'text/plain; charset=utf-8' }
            Stop-HypemanInstance 'web-1' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty

            $err.Count | Should -Be 1
            $err[0].Exception | Should -BeOfType ([Hypeman.HypemanApiException])
            $err[0].Exception.Message | Should -Be '404 page not found'
            $err[0].Exception.ErrorCode | Should -BeNullOrEmpty
            $err[0].Exception.StatusCode | Should -Be 404
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err[0].ErrorDetails.Message | Should -BeLike '404 page not found*'
            $err[0].TargetObject | Should -Be 'web-1'
            Assert-CleanError $err[0]
        }

        It 'shows an error body with unescaped quotes (invalid JSON) as raw text' {
            $raw = '{"code":"Bad Request","message":"request body has an error: doesn''t match schema: Error at "/name": string doesn''t match the regular expression "^[a-z0-9]$""}'
            Add-TestFault @{ method = 'POST'; path = '/volumes'; status = 400; body = $raw; content_type = 'application/json' }
            New-HypemanVolume -Name 'quoted' -SizeGB 1 -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty

            $err.Count | Should -Be 1
            $err[0].Exception.Message | Should -Be $raw
            $err[0].Exception.StatusCode | Should -Be 400
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err[0].ErrorDetails.Message | Should -BeLike "$([WildcardPattern]::Escape($raw))*"
            Assert-CleanError $err[0]
        }

        It 'shows the status when the error body is empty' {
            Add-TestFault @{ method = 'GET'; path = '/instances/web-1'; status = 502; count = 10 }
            $connection = Connect-Hypeman -BaseUrl (Get-TestBaseUrl) -ApiKey (ConvertTo-TestSecureString (New-TestJwt)) -MaxRetries 0 -Name 'no-retry' -PassThru
            Get-HypemanInstance 'web-1' -Connection $connection -ErrorAction SilentlyContinue -ErrorVariable err
            Connect-TestHypeman
            $err.Count | Should -Be 1
            $err[0].Exception.StatusCode | Should -Be 502
            $err[0].Exception.Message | Should -BeLike '*502*'
            Assert-CleanError $err[0]
        }

        It 'reads a well-formed JSON error: code and message' {
            Add-TestFault @{ method = 'POST'; path = '/volumes'; status = 400; body = '{"code":"invalid_request","message":"size is not valid"}' }
            New-HypemanVolume -Name 'json-error' -SizeGB 1 -ErrorAction SilentlyContinue -ErrorVariable err
            $err[0].FullyQualifiedErrorId | Should -Be 'InvalidRequest,Hypeman.Commands.NewHypemanVolumeCommand'
            $err[0].Exception.ErrorCode | Should -Be 'invalid_request'
            $err[0].Exception.Message | Should -Be 'size is not valid'
            $err[0].ErrorDetails.Message | Should -BeLike 'size is not valid*'
            Assert-CleanError $err[0]
        }
    }

    Context 'success bodies that are not valid JSON' {
        It 'turns an invalid single-object body into a clean InvalidResult error' {
            Add-TestFault @{ method = 'GET'; path = '/volumes/data'; status = 200; body = '{"id": "abc", "name": '; content_type = 'application/json' }
            Get-HypemanVolume 'data' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'InvalidResponse,Hypeman.Commands.GetHypemanVolumeCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $err[0].Exception | Should -BeOfType ([Hypeman.HypemanProtocolException])
            $err[0].TargetObject | Should -Be 'data'
            Assert-CleanError $err[0]
        }

        It 'turns an invalid list body into a clean InvalidResult error' {
            Add-TestFault @{ method = 'GET'; path = '/instances'; status = 200; body = '[{"id": "x", "name": "broken"'; content_type = 'application/json' }
            Get-HypemanInstance -ErrorAction SilentlyContinue -ErrorVariable err
            $err.Count | Should -Be 1
            $err[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            Assert-CleanError $err[0]
        }

        It 'turns an HTML page into a clean InvalidResult error' {
            Add-TestFault @{ method = 'POST'; path = '/instances/web-1/stop'; status = 200; body = '<html><body>proxy</body></html>'; content_type = 'text/html' }
            Stop-HypemanInstance 'web-1' -ErrorAction SilentlyContinue -ErrorVariable err
            $err.Count | Should -Be 1
            $err[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $err[0].TargetObject | Should -Be 'web-1'
            Assert-CleanError $err[0]
        }

        It 'goes on with the next item after an invalid body' {
            Add-TestFault @{ method = 'GET'; path = '/volumes/data'; status = 200; body = 'not json'; content_type = 'application/json' }
            New-TestVolume -Name 'other' | Out-Null
            $found = @('data', 'other' | Get-HypemanVolume -ErrorAction SilentlyContinue -ErrorVariable err)
            $found.Name | Should -Be @('other')
            $err.Count | Should -Be 1
        }
    }

    Context 'failures no later item could survive' {
        It 'ends the command at the first 401, with one AuthenticationError and one request' {
            $rejected = New-TestConnection -BaseUrl (Get-TestBaseUrl) -Token (New-TestJwt -Secret 'rotated-secret-rotated')
            $err = $null
            $written = @()
            try { 'web-1', 'web-2', 'web-3' | Stop-HypemanInstance -Connection $rejected -ErrorAction SilentlyContinue -ErrorVariable written } catch { $err = $_ }
            @(Get-DistinctError -Written $written -Thrown $err).Count | Should -Be 1
            $err.FullyQualifiedErrorId | Should -Be 'Unauthorized,Hypeman.Commands.StopHypemanInstanceCommand'
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $err.Exception.StatusCode | Should -Be 401
            @(Get-TestRequestLog).Count | Should -Be 1
        }

        It 'ends the command when the server cannot be reached, with one ConnectionError' {
            $dead = New-TestConnection -BaseUrl (Get-DeadBaseUrl) -MaxRetries 0
            $err = $null
            $written = @()
            try { 'web-1', 'web-2' | Stop-HypemanInstance -Connection $dead -ErrorAction SilentlyContinue -ErrorVariable written } catch { $err = $_ }
            @(Get-DistinctError -Written $written -Thrown $err).Count | Should -Be 1
            $err.FullyQualifiedErrorId | Should -Be 'ConnectionFailed,Hypeman.Commands.StopHypemanInstanceCommand'
            $err.CategoryInfo.Category | Should -Be 'ConnectionError'
            Assert-CleanError $err
        }
    }

    Context 'a call that takes too long' {
        It 'is an OperationTimeout error after Connect-Hypeman -TimeoutSec, sent once' {
            $connection = Connect-Hypeman -BaseUrl (Get-TestBaseUrl) -ApiKey (ConvertTo-TestSecureString (New-TestJwt)) -TimeoutSec 1 -Name 'impatient' -PassThru
            Connect-TestHypeman
            Clear-TestRequestLog
            Add-TestFault @{ method = 'GET'; path = '/instances/web-1'; delay_ms = 5000 }
            $clock = [Diagnostics.Stopwatch]::StartNew()
            Get-HypemanInstance 'web-1' -Connection $connection -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $clock.Stop()
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'Timeout,Hypeman.Commands.GetHypemanInstanceCommand'
            $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $err[0].TargetObject | Should -Be 'web-1'
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
            @(Get-TestRequestLog -Path '/instances/web-1').Count | Should -Be 1
            Assert-CleanError $err[0]
        }
    }
}
