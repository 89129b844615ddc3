#Requires -Version 7.4
<#
    The API key never shows: not in verbose or debug output (where the Authorization header is
    "Bearer [redacted]"), not in ConvertTo-Json of a connection or of any output object, not in
    error records.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule

    $token = New-HypemanToken -Secret (ConvertTo-TestSecureString $env:HYPEMAN_TEST_JWT_SECRET) -Subject 'secret-test' -AsPlainText
    # The header segment is the same in every HS256 JWT; the payload and signature are this token's.
    $tokenParts = $token.Split('.')
    $secretPieces = @($token, $tokenParts[1], $tokenParts[2])

    function Assert-NoToken([string] $Text, [string] $Where) {
        foreach ($piece in $secretPieces) {
            $Text.Contains($piece) | Should -BeFalse -Because "the API key must not appear in $Where"
        }
        $Text.Contains($env:HYPEMAN_TEST_JWT_SECRET) | Should -BeFalse -Because "the JWT secret must not appear in $Where"
    }

    function ConvertTo-StreamText([object[]] $Records) {
        @($Records | ForEach-Object {
                if ($_ -is [System.Management.Automation.InformationalRecord]) { "[$($_.GetType().Name)] $($_.Message)" }
                elseif ($_ -is [System.Management.Automation.ErrorRecord]) { Get-ErrorText $_ }
                else { $_ | Out-String -Width 500 }
            }) -join "`n"
    }
}

Describe 'The API key stays secret' {
    BeforeAll {
        Reset-TestEmulator
        New-TestVolume -Name 'logs' | Out-Null
        New-TestInstance -Name 'web-1' -Volume 'logs' | Out-Null
        New-TestInstance -Name 'web-2' -State Stopped | Out-Null
        $connectOutput = Connect-Hypeman -BaseUrl (Get-TestBaseUrl) -ApiKey (ConvertTo-TestSecureString $token) -PassThru -Verbose -Debug *>&1
        $connection = $connectOutput | Where-Object { $_ -is [Hypeman.HypemanConnection] }
    }

    Context 'verbose and debug output' {
        It 'of <Label> has the redacted Authorization header and never the key' -ForEach @(
            @{ Label = 'Get-HypemanInstance'; Invoke = { Get-HypemanInstance -Verbose -Debug } }
            @{ Label = 'Get-HypemanInstance by name'; Invoke = { Get-HypemanInstance 'web-1' -Verbose -Debug } }
            @{ Label = 'Get-HypemanVolume'; Invoke = { Get-HypemanVolume -Verbose -Debug } }
            @{ Label = 'New-HypemanVolume'; Invoke = { New-HypemanVolume -Name "v-$([guid]::NewGuid().ToString('n').Substring(0, 6))" -SizeGB 1 -Verbose -Debug } }
            @{ Label = 'Stop-HypemanInstance (failing)'; Invoke = { Stop-HypemanInstance 'web-2' -Verbose -Debug -ErrorAction Continue } }
            @{ Label = 'Test-HypemanConnection'; Invoke = { Test-HypemanConnection -Verbose -Debug } }
            @{ Label = 'Wait-HypemanInstance'; Invoke = { Wait-HypemanInstance 'web-1' -State Running -Verbose -Debug } }
            @{ Label = 'Get-HypemanInstance (missing)'; Invoke = { Get-HypemanInstance 'ghost' -Verbose -Debug -ErrorAction Continue } }
        ) {
            $records = & $Invoke *>&1
            $text = ConvertTo-StreamText $records
            @($records | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 0
            @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
            $text | Should -BeLike '*Authorization: Bearer `[redacted`]*'
            Assert-NoToken $text "the output of $Label"
        }

        It 'of Connect-Hypeman has the redacted header and never the key' {
            $text = ConvertTo-StreamText $connectOutput
            $text | Should -BeLike '*Authorization: Bearer `[redacted`]*'
            Assert-NoToken $text 'the output of Connect-Hypeman'
        }

        It 'of a call retried after a 503 never has the key' {
            Add-TestFault @{ method = 'GET'; path = '/volumes'; status = 503; count = 1; headers = @{ 'Retry-After' = '0' } }
            $text = ConvertTo-StreamText (Get-HypemanVolume -Verbose -Debug *>&1)
            $text | Should -BeLike '*503*'
            Assert-NoToken $text 'the output of a retried call'
        }
    }

    Context 'instance environment values (they can hold secrets)' {
        It 'are not in verbose or debug output, nor in the default view' {
            $records = New-HypemanInstance -Name 'env-secret' -Image 'nginx' -Environment @{ DB_PASSWORD = 'hunter2-xyz' } -Verbose -Debug *>&1
            $instance = $records | Where-Object { $_ -is [Hypeman.Instance] }
            $instance.Env['DB_PASSWORD'] | Should -Be 'hunter2-xyz' -Because 'the value is on the object for scripts that want it'
            $diagnostics = ConvertTo-StreamText @($records | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] })
            $diagnostics | Should -Not -BeLike '*hunter2-xyz*'
            ($instance | Out-String -Width 500) | Should -Not -BeLike '*hunter2-xyz*'
        }
    }

    Context 'ConvertTo-Json' {
        It 'of the connection never has the key' {
            $connection | Should -Not -BeNullOrEmpty
            Assert-NoToken ($connection | ConvertTo-Json -Depth 10) 'ConvertTo-Json of the connection'
            Assert-NoToken (Get-HypemanConnection | ConvertTo-Json -Depth 10) 'ConvertTo-Json of Get-HypemanConnection'
            Assert-NoToken ($connection | Format-List * -Force | Out-String -Width 500) 'Format-List of the connection'
        }

        It 'of <Label> never has the key' -ForEach @(
            @{ Label = 'instances'; Invoke = { Get-HypemanInstance } }
            @{ Label = 'an instance''s volumes'; Invoke = { (Get-HypemanInstance 'web-1').Volumes } }
            @{ Label = 'volumes'; Invoke = { Get-HypemanVolume } }
            @{ Label = 'volume attachments'; Invoke = { (Get-HypemanVolume 'logs').Attachments } }
            @{ Label = 'health'; Invoke = { Get-HypemanHealth } }
            @{ Label = 'a started instance'; Invoke = { Start-HypemanInstance 'web-2'; Stop-HypemanInstance 'web-2' } }
            @{ Label = 'a new volume'; Invoke = { New-HypemanVolume -Name 'json-check' -SizeGB 1 } }
            @{ Label = 'Test-HypemanConnection'; Invoke = { Test-HypemanConnection } }
        ) {
            $objects = @(& $Invoke)
            $objects.Count | Should -BeGreaterThan 0
            Assert-NoToken ($objects | ConvertTo-Json -Depth 10 -WarningAction SilentlyContinue) "ConvertTo-Json of $Label"
        }
    }

    Context 'error records' {
        It 'of a server error never have the key' {
            Stop-HypemanInstance 'web-2' -ErrorAction SilentlyContinue -ErrorVariable err
            $err.Count | Should -Be 1
            Assert-NoToken (Get-ErrorText $err[0]) 'an error record'
            Assert-NoToken ($err[0] | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue) 'ConvertTo-Json of an error record'
        }

        It 'of a rejected key never have that key' {
            $rejected = New-TestJwt -Secret 'not-the-server-secret'
            $badConnection = New-TestConnection -BaseUrl (Get-TestBaseUrl) -Token $rejected
            $err = $null
            try { Get-HypemanInstance -Connection $badConnection -Verbose -Debug *>&1 | Out-Null } catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty
            $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $text = Get-ErrorText $err
            $text.Contains($rejected) | Should -BeFalse
            $text.Contains($rejected.Split('.')[2]) | Should -BeFalse
            ($err | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue).Contains($rejected) | Should -BeFalse
        }

        It 'of an unreachable server never have the key' {
            $deadConnection = New-TestConnection -BaseUrl (Get-DeadBaseUrl) -Token $token -MaxRetries 0
            $err = $null
            try { Get-HypemanInstance -Connection $deadConnection } catch { $err = $_ }
            $err.CategoryInfo.Category | Should -Be 'ConnectionError'
            Assert-NoToken (Get-ErrorText $err) 'a connection error'
        }

        It 'of a rejected Connect-Hypeman never have the key' {
            $rejected = New-TestJwt -Secret 'still-not-the-server-secret'
            $err = $null
            try { Connect-Hypeman -BaseUrl (Get-TestBaseUrl) -ApiKey (ConvertTo-TestSecureString $rejected) -Verbose -Debug *>&1 | Out-Null } catch { $err = $_ }
            $err | Should -Not -BeNullOrEmpty
            (Get-ErrorText $err).Contains($rejected) | Should -BeFalse
            Connect-Hypeman -BaseUrl (Get-TestBaseUrl) -ApiKey (ConvertTo-TestSecureString $token)
        }
    }
}
