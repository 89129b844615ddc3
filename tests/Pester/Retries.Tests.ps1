#Requires -Version 7.4
<#
    Retries: only where repeating cannot do harm. Reads are retried after 503 (honouring
    Retry-After), anything after 429; a POST that got a 503, a 500 and a 409 are never retried;
    retries stop after -MaxRetries. Faults come from the emulator's fault queue.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman
}

Describe 'Retries' {
    BeforeEach {
        Reset-TestEmulator
        New-TestInstance -Name 'web-1' | Out-Null
        Clear-TestRequestLog
    }

    It 'retries a GET that got 503 twice, then writes the one result (three requests)' {
        Add-TestFault @{ method = 'GET'; path = '/instances'; status = 503; count = 2; headers = @{ 'Retry-After' = '0' } }
        $result = @(Get-HypemanInstance -ErrorVariable err)
        $result.Count | Should -Be 1
        $result[0].Name | Should -Be 'web-1'
        $err.Count | Should -Be 0
        $log = @(Get-TestRequestLog -Method GET -Path '/instances')
        $log.Count | Should -Be 3
        @($log.status) | Should -Be @(503, 503, 200)
    }

    It 'honours Retry-After' {
        Add-TestFault @{ method = 'GET'; path = '/instances/web-1'; status = 503; count = 1; headers = @{ 'Retry-After' = '2' } }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        (Get-HypemanInstance 'web-1').Name | Should -Be 'web-1'
        $clock.Stop()
        $clock.Elapsed.TotalSeconds | Should -BeGreaterThan 1.8
        (Get-TestRequestLog -Path '/instances/web-1').Count | Should -Be 2
    }

    It 'retries a DELETE that got 503 (deleting twice does no harm)' {
        Add-TestFault @{ method = 'DELETE'; path = '/instances/web-1'; status = 503; count = 1; headers = @{ 'Retry-After' = '0' } }
        Remove-HypemanInstance 'web-1' -Force -ErrorVariable err
        $err.Count | Should -Be 0
        @(Get-TestRequestLog -Method DELETE).Count | Should -Be 2
        Get-TestServerInstance -Id 'web-1' | Should -BeNullOrEmpty
    }

    It 'gives up after a few retries with a ResourceUnavailable error' {
        Add-TestFault @{ method = 'GET'; path = '/instances/web-1'; status = 503; count = 50; headers = @{ 'Retry-After' = '0' } }
        Get-HypemanInstance 'web-1' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $err[0].Exception.StatusCode | Should -Be 503
        $requests = @(Get-TestRequestLog -Path '/instances/web-1').Count
        $requests | Should -BeGreaterThan 1
        $requests | Should -BeLessOrEqual 4 -Because 'the default is 3 retries'
    }

    It 'does not retry a POST that got 503: one request, a ResourceUnavailable error' {
        Add-TestFault @{ method = 'POST'; path = '/volumes'; status = 503; count = 1; headers = @{ 'Retry-After' = '0' } }
        New-HypemanVolume -Name 'once' -SizeGB 1 -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $err[0].Exception.StatusCode | Should -Be 503
        $err[0].TargetObject | Should -Be 'once'
        @(Get-TestRequestLog -Method POST).Count | Should -Be 1
        Get-TestServerVolume -Id 'once' | Should -BeNullOrEmpty
    }

    It 'does not retry a lifecycle POST that got 503' {
        Add-TestFault @{ method = 'POST'; path = '/instances/web-1/stop'; status = 503; count = 1; headers = @{ 'Retry-After' = '0' } }
        Stop-HypemanInstance 'web-1' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        @(Get-TestRequestLog -Method POST).Count | Should -Be 1
        (Get-TestServerInstance -Id 'web-1').state | Should -Be 'Running'
    }

    It 'retries a POST that got 429 (the server did nothing)' {
        Add-TestFault @{ method = 'POST'; path = '/volumes'; status = 429; count = 1; headers = @{ 'Retry-After' = '0' } }
        $volume = New-HypemanVolume -Name 'after-429' -SizeGB 1 -ErrorVariable err
        $err.Count | Should -Be 0
        $volume.Name | Should -Be 'after-429'
        $log = @(Get-TestRequestLog -Method POST -Path '/volumes')
        $log.Count | Should -Be 2
        @($log.status) | Should -Be @(429, 201)
        $log[1].body | Should -Be $log[0].body -Because 'the retry sends the same body'
    }

    It 'reports 429 as LimitsExceeded when it persists' {
        Add-TestFault @{ method = 'POST'; path = '/volumes'; status = 429; count = 50; headers = @{ 'Retry-After' = '0' } }
        New-HypemanVolume -Name 'limited' -SizeGB 1 -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $err[0].Exception.StatusCode | Should -Be 429
    }

    It 'does not retry a 500' {
        Add-TestFault @{ method = 'GET'; path = '/instances/web-1'; status = 500; count = 5; body = '{"code":"internal_error","message":"boom"}' }
        Get-HypemanInstance 'web-1' -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].Exception.ErrorCode | Should -Be 'internal_error'
        $err[0].Exception.Message | Should -Be 'boom'
        @(Get-TestRequestLog -Path '/instances/web-1').Count | Should -Be 1
    }

    It 'does not retry a 409' {
        Add-TestFault @{ method = 'GET'; path = '/instances/web-1'; status = 409; count = 5; body = '{"code":"ambiguous","message":"multiple resources match, use full ID"}' }
        Get-HypemanInstance 'web-1' -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        @(Get-TestRequestLog -Path '/instances/web-1').Count | Should -Be 1
    }

    It 'does not retry at all with Connect-Hypeman -MaxRetries 0' {
        $connection = Connect-Hypeman -BaseUrl (Get-TestBaseUrl) -ApiKey (ConvertTo-TestSecureString (New-TestJwt)) -MaxRetries 0 -Name 'no-retries' -PassThru
        Clear-TestRequestLog
        Add-TestFault @{ method = 'GET'; path = '/instances'; status = 503; count = 1; headers = @{ 'Retry-After' = '0' } }
        Get-HypemanInstance -Connection $connection -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        @(Get-TestRequestLog -Path '/instances').Count | Should -Be 1
        Connect-TestHypeman
    }
}
