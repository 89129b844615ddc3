#Requires -Version 7.4
<#
    Connections: Connect-Hypeman, Disconnect-Hypeman, Get-HypemanConnection, Test-HypemanConnection,
    Get-HypemanHealth, where cmdlets find their connection (-Connection object or name, this
    runspace's default, HYPEMAN_BASE_URL/HYPEMAN_API_KEY, ~/.config/hypeman/cli.yaml), and that the
    default belongs to one runspace.
#>

Describe 'Hypeman connections' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        Import-HypemanTestModule
        $baseUrl = Get-TestBaseUrl
        $secret = ConvertTo-TestSecureString $env:HYPEMAN_TEST_JWT_SECRET

        # This file changes HOME (for cli.yaml) and the HYPEMAN_* variables: keep the originals.
        $savedHome = $env:HOME
        $testHome = Join-Path ([IO.Path]::GetTempPath()) "hypeman-connect-home-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $testHome | Out-Null
        $env:HOME = $testHome
        $configFile = [Hypeman.ConnectionDefaults]::ConfigFilePath
        $configFileIsOurs = $configFile.StartsWith($testHome)

        function Clear-HypemanEnvironment {
            foreach ($name in 'HYPEMAN_BASE_URL', 'HYPEMAN_API_KEY') { Remove-Item "env:$name" -ErrorAction SilentlyContinue }
            if ($configFileIsOurs) { Remove-Item -LiteralPath $configFile -ErrorAction SilentlyContinue }
        }

        function Set-CliConfig([string] $Url, [string] $Key) {
            New-Item -ItemType Directory -Force -Path (Split-Path $configFile) | Out-Null
            $lines = @('# written by the Pester tests')
            if ($Url) { $lines += "base_url: `"$Url`"" }
            if ($Key) { $lines += "api_key: $Key" }
            Set-Content -LiteralPath $configFile -Value $lines
        }
    }

    AfterAll {
        Clear-HypemanEnvironment
        $env:HOME = $savedHome
        Remove-Item -LiteralPath $testHome -Recurse -Force -ErrorAction SilentlyContinue
        Connect-TestHypeman
    }

    BeforeEach {
        Reset-TestEmulator
        Disconnect-AllTestHypeman
        Clear-HypemanEnvironment
    }

    Describe 'Connect-Hypeman' {
        Context 'with a key from New-HypemanToken' {
            It 'connects, proves the key with one authenticated call, and makes the connection the default' {
                $key = New-HypemanToken -Secret $secret
                $result = Connect-Hypeman -BaseUrl $baseUrl -ApiKey $key
                $result | Should -BeNullOrEmpty -Because 'without -PassThru nothing is written'

                $requests = Get-TestRequestLog
                $requests.Count | Should -BeGreaterThan 0
                $requests | ForEach-Object { $_.has_authorization | Should -BeTrue }
                $requests | ForEach-Object { $_.status | Should -Be 200 }

                $connection = @(Get-HypemanConnection)
                $connection.Count | Should -Be 1
                $connection[0].BaseUrl | Should -Be ([uri]"$baseUrl/")
                $connection[0].ApiVersion | Should -Be '0.3.0'
                $connection[0].HasApiKey | Should -BeTrue
                $connection[0].Source | Should -Be ([Hypeman.ConnectionSource]::Parameter)
                $connection[0].Name | Should -Be ([uri]$baseUrl).Authority

                New-TestVolume -Name 'after-connect' | Out-Null
                (Get-HypemanVolume).Name | Should -Be 'after-connect'
            }

            It 'writes the connection with -PassThru' {
                $connection = Connect-Hypeman -BaseUrl $baseUrl -ApiKey (New-HypemanToken -Secret $secret) -PassThru
                $connection | Should -BeOfType ([Hypeman.HypemanConnection])
                $connection.ApiVersion | Should -Be '0.3.0'
            }

            It 'writes an immutable connection object' {
                $connection = Connect-Hypeman -BaseUrl $baseUrl -ApiKey (New-HypemanToken -Secret $secret) -PassThru
                { $connection.BaseUrl = [uri]'http://example.invalid/' } | Should -Throw
                { $connection.Name = 'renamed' } | Should -Throw
                $connection.BaseUrl | Should -Be ([uri]"$baseUrl/")
                (Get-HypemanConnection)[0].Name | Should -Be ([uri]$baseUrl).Authority
            }

            It 'names the connection with -Name' {
                Connect-Hypeman -BaseUrl $baseUrl -ApiKey (New-HypemanToken -Secret $secret) -Name 'lab'
                (Get-HypemanConnection -Name 'lab').Name | Should -Be 'lab'
                (Get-HypemanConnection)[0].Name | Should -Be 'lab' -Because 'the newest connection is the default, listed first'
            }
        }

        Context 'with a key the server rejects' {
            It 'ends with one terminating AuthenticationError (401, Unauthorized) that never shows the key' {
                $badToken = New-TestJwt -Secret 'not-the-server-secret-at-all'
                $err = $null
                try { Connect-Hypeman -BaseUrl $baseUrl -ApiKey (ConvertTo-TestSecureString $badToken) } catch { $err = $_ }

                $err | Should -Not -BeNullOrEmpty
                $err.FullyQualifiedErrorId | Should -Be 'Unauthorized,Hypeman.Commands.ConnectHypemanCommand'
                $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
                $err.Exception | Should -BeOfType ([Hypeman.HypemanApiException])
                $err.Exception.StatusCode | Should -Be 401
                $err.Exception.ErrorCode | Should -Be 'Unauthorized'
                $text = Get-ErrorText $err
                $text | Should -Not -BeLike "*$badToken*"
                $text | Should -Not -BeLike "*$($badToken.Split('.')[2])*"
                @(Get-HypemanConnection | Where-Object HasApiKey).Count | Should -Be 0 -Because 'a rejected key is not kept'
            }
        }

        Context 'with a server that does not answer' {
            It 'ends with a ConnectionError within the connect timeout' {
                $dead = Get-DeadBaseUrl
                $clock = [Diagnostics.Stopwatch]::StartNew()
                $err = $null
                try { Connect-Hypeman -BaseUrl $dead -ApiKey (New-HypemanToken -Secret $secret) -ConnectTimeoutSec 5 } catch { $err = $_ }
                $clock.Stop()

                $err | Should -Not -BeNullOrEmpty
                $err.FullyQualifiedErrorId | Should -Be 'ConnectionFailed,Hypeman.Commands.ConnectHypemanCommand'
                $err.CategoryInfo.Category | Should -Be 'ConnectionError'
                $err.Exception | Should -BeOfType ([Hypeman.HypemanConnectionException])
                $err.Exception.Message | Should -BeLike "*$(([uri]$dead).Authority)*"
                $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
            }
        }

        Context 'with a 0.2.0 server (no /capabilities)' {
            BeforeAll {
                $old = Start-TestEmulator -ArgumentList '--api-version', '0.2.0'
            }

            AfterAll {
                $old | Stop-HypemanEmulator
            }

            It 'detects API 0.2.0 and proves the key with /resources' {
                Reset-TestEmulator -BaseUrl $old.BaseUrl
                $connection = Connect-Hypeman -BaseUrl $old.BaseUrl -ApiKey (New-HypemanToken -Secret $secret) -PassThru
                $connection.ApiVersion | Should -Be '0.2.0'
                $resources = @(Get-TestRequestLog -BaseUrl $old.BaseUrl -Path '/resources')
                $resources.Count | Should -Be 1
                $resources[0].has_authorization | Should -BeTrue
                $resources[0].status | Should -Be 200
                Test-HypemanConnection | Should -BeTrue
            }

            It 'rejects a bad key with AuthenticationError' {
                $bad = ConvertTo-TestSecureString (New-TestJwt -Secret 'wrong-wrong-wrong')
                { Connect-Hypeman -BaseUrl $old.BaseUrl -ApiKey $bad } | Should -Throw -ErrorId 'Unauthorized,Hypeman.Commands.ConnectHypemanCommand'
            }
        }

        Context 'without any configuration' {
            It 'needs an API key' {
                { Connect-Hypeman -BaseUrl $baseUrl } | Should -Throw -ErrorId 'ApiKeyMissing,Hypeman.Commands.ConnectHypemanCommand'
                (Get-TestRequestLog).Count | Should -Be 0
            }
        }
    }

    Describe 'A cmdlet without any connection or configuration' {
        It 'stops with one terminating error that says how to connect, and sends nothing' {
            $err = $null
            $written = @()
            try { 'a', 'b', 'c' | Get-HypemanInstance -ErrorAction SilentlyContinue -ErrorVariable written } catch { $err = $_ }

            $errors = @(Get-DistinctError -Written $written -Thrown $err)
            $errors.Count | Should -Be 1
            $err | Should -Not -BeNullOrEmpty -Because 'the error is terminating'
            $err.FullyQualifiedErrorId | Should -Be 'NotConnected,Hypeman.Commands.GetHypemanInstanceCommand'
            $err.CategoryInfo.Category | Should -Be 'ConnectionError'
            ($err | Out-String -Width 400) | Should -BeLike '*Connect-Hypeman*'
            (Get-TestRequestLog).Count | Should -Be 0
        }
    }

    Describe 'Connection resolution' {
        Context '-Connection' {
            It 'takes a connection object, even one that is no longer connected' {
                $connection = Connect-TestHypeman -Name 'object' -PassThru
                Disconnect-Hypeman -Name 'object'
                New-TestInstance -Name 'via-object' | Out-Null
                (Get-HypemanInstance -Connection $connection).Name | Should -Be 'via-object'
            }

            It 'takes the name of a connection made in this runspace, and uses its settings rather than the default''s' {
                Connect-Hypeman -BaseUrl $baseUrl -ApiKey (New-HypemanToken -Secret $secret) -Name 'named' -MaxRetries 0
                Connect-TestHypeman -Name 'other' # the default, with the default retries
                New-TestInstance -Name 'via-name' | Out-Null
                (Get-HypemanInstance -Connection 'named').Name | Should -Be 'via-name'

                # One 503: the default connection would retry and succeed; 'named' does not retry.
                Clear-TestRequestLog
                Add-TestFault @{ method = 'GET'; path = '/instances'; status = 503; count = 1; headers = @{ 'Retry-After' = '0' } }
                Get-HypemanInstance -Connection 'named' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
                $err.Count | Should -Be 1
                $err[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
                @(Get-TestRequestLog -Path '/instances').Count | Should -Be 1
            }

            It 'wins over the runspace default' {
                Connect-TestHypeman
                Clear-TestRequestLog
                $deadConnection = New-TestConnection -BaseUrl (Get-DeadBaseUrl) -MaxRetries 0
                { Get-HypemanInstance -Connection $deadConnection } | Should -Throw -ErrorId 'ConnectionFailed,Hypeman.Commands.GetHypemanInstanceCommand'
                (Get-TestRequestLog).Count | Should -Be 0
            }

            It 'rejects an unknown connection name before anything is sent' {
                Connect-TestHypeman
                Clear-TestRequestLog
                { Get-HypemanInstance -Connection 'no-such-connection' } |
                    Should -Throw -ErrorId 'ParameterArgumentTransformationError,Hypeman.Commands.GetHypemanInstanceCommand'
                (Get-TestRequestLog).Count | Should -Be 0
            }
        }

        Context 'the runspace default' {
            It 'is used when -Connection is not given, and wins over the environment' {
                $env:HYPEMAN_BASE_URL = Get-DeadBaseUrl
                $env:HYPEMAN_API_KEY = New-TestJwt
                Connect-TestHypeman
                New-TestInstance -Name 'via-default' | Out-Null
                (Get-HypemanInstance).Name | Should -Be 'via-default'
            }
        }

        Context 'HYPEMAN_BASE_URL and HYPEMAN_API_KEY' {
            It 'are used when there is no default' {
                $env:HYPEMAN_BASE_URL = $baseUrl
                $env:HYPEMAN_API_KEY = New-TestJwt
                New-TestInstance -Name 'via-env' | Out-Null
                (Get-HypemanInstance).Name | Should -Be 'via-env'
                @(Get-HypemanConnection).Count | Should -Be 0 -Because 'no connection was made with Connect-Hypeman'
                $connection = Get-HypemanConnection -Default
                $connection.Source | Should -Be ([Hypeman.ConnectionSource]::Environment)
                $connection.BaseUrl | Should -Be ([uri]"$baseUrl/")
            }

            It 'win over the CLI config file' {
                if (-not $configFileIsOurs) { Set-ItResult -Skipped -Because "the config file is not under the test HOME: $configFile" }
                Set-CliConfig -Url (Get-DeadBaseUrl) -Key (New-TestJwt -Secret 'wrong')
                $env:HYPEMAN_BASE_URL = $baseUrl
                $env:HYPEMAN_API_KEY = New-TestJwt
                New-TestInstance -Name 'env-over-file' | Out-Null
                (Get-HypemanInstance).Name | Should -Be 'env-over-file'
            }
        }

        Context '~/.config/hypeman/cli.yaml' {
            BeforeEach {
                if (-not $configFileIsOurs) { Set-ItResult -Skipped -Because "the config file is not under the test HOME: $configFile" }
            }

            It 'is used when there is no default and no environment variable' {
                Set-CliConfig -Url $baseUrl -Key (New-TestJwt)
                New-TestInstance -Name 'via-file' | Out-Null
                (Get-HypemanInstance).Name | Should -Be 'via-file'
                $connection = Get-HypemanConnection -Default
                $connection.Source | Should -Be ([Hypeman.ConnectionSource]::ConfigFile)
                $connection.BaseUrl | Should -Be ([uri]"$baseUrl/")
                $connection.HasApiKey | Should -BeTrue
            }

            It 'combines with the environment one setting at a time (URL from HYPEMAN_BASE_URL, key from the file)' {
                Set-CliConfig -Url (Get-DeadBaseUrl) -Key (New-TestJwt)
                $env:HYPEMAN_BASE_URL = $baseUrl
                New-TestInstance -Name 'mixed' | Out-Null
                (Get-HypemanInstance).Name | Should -Be 'mixed'
                (Get-HypemanConnection -Default).BaseUrl | Should -Be ([uri]"$baseUrl/")
            }

            It 'is read by Connect-Hypeman when no -BaseUrl or -ApiKey is given' {
                Set-CliConfig -Url $baseUrl -Key (New-TestJwt)
                $connection = Connect-Hypeman -PassThru
                $connection.BaseUrl | Should -Be ([uri]"$baseUrl/")
                $connection.Source | Should -Be ([Hypeman.ConnectionSource]::ConfigFile)
            }
        }

        Context 'a malformed configuration' {
            It 'stops a cmdlet with one InvalidConfiguration error that names the variable' {
                $env:HYPEMAN_BASE_URL = 'not a url'
                $env:HYPEMAN_API_KEY = New-TestJwt
                $err = $null
                try { 'a', 'b' | Get-HypemanInstance } catch { $err = $_ }
                $err.FullyQualifiedErrorId | Should -Be 'InvalidConfiguration,Hypeman.Commands.GetHypemanInstanceCommand'
                $err.Exception.Message | Should -BeLike '*HYPEMAN_BASE_URL*'
                (Get-TestRequestLog).Count | Should -Be 0
            }

            It 'does not stop Connect-Hypeman -BaseUrl' {
                $env:HYPEMAN_BASE_URL = 'not a url'
                (Connect-Hypeman -BaseUrl $baseUrl -ApiKey (New-HypemanToken -Secret $secret) -PassThru).BaseUrl | Should -Be ([uri]"$baseUrl/")
            }

            It 'rejects a base URL that is not http or https' {
                { Connect-Hypeman -BaseUrl 'ftp://127.0.0.1/' -ApiKey (New-HypemanToken -Secret $secret) } |
                    Should -Throw -ErrorId 'InvalidBaseUrl,Hypeman.Commands.ConnectHypemanCommand'
            }
        }

        Context 'nothing configured' {
            It 'shows the default http://localhost:8080 without a key' {
                Get-HypemanConnection | Should -BeNullOrEmpty
                $connection = Get-HypemanConnection -Default
                $connection.BaseUrl | Should -Be ([uri]'http://localhost:8080/')
                $connection.HasApiKey | Should -BeFalse
                $connection.Source | Should -Be ([Hypeman.ConnectionSource]::Default)
            }
        }
    }

    Describe 'Connection state is per runspace' {
        BeforeEach {
            $connection = Connect-TestHypeman -PassThru
            New-TestInstance -Name 'seen-by-runspace' | Out-Null
        }

        It 'a thread job does not see this runspace''s default' {
            $result = Start-ThreadJob -ScriptBlock {
                Import-Module $env:HYPEMAN_MODULE_PATH
                try { Get-HypemanInstance | Out-Null; 'connected' } catch { $_.FullyQualifiedErrorId }
            } | Receive-Job -Wait -AutoRemoveJob
            $result | Should -Be 'NotConnected,Hypeman.Commands.GetHypemanInstanceCommand'
        }

        It 'ForEach-Object -Parallel does not see it either, but can use a connection passed with $using:' {
            $modulePath = $env:HYPEMAN_MODULE_PATH
            $results = 1, 2 | ForEach-Object -ThrottleLimit 2 -Parallel {
                Import-Module $using:modulePath
                $default = try { Get-HypemanInstance | Out-Null; 'connected' } catch { $_.FullyQualifiedErrorId }
                $explicit = (Get-HypemanInstance -Connection $using:connection).Name
                "$default|$explicit"
            }
            $results | Should -Be (@('NotConnected,Hypeman.Commands.GetHypemanInstanceCommand|seen-by-runspace') * 2)
        }

        It 'a connection made in another runspace does not become this one''s default' {
            Disconnect-AllTestHypeman
            $token = New-TestJwt
            Start-ThreadJob -ScriptBlock {
                Import-Module $env:HYPEMAN_MODULE_PATH
                Connect-Hypeman -BaseUrl $using:baseUrl -ApiKey (ConvertTo-SecureString $using:token -AsPlainText -Force) -Name 'thread'
            } | Receive-Job -Wait -AutoRemoveJob
            @(Get-HypemanConnection | Where-Object Name -eq 'thread').Count | Should -Be 0
            { Get-HypemanInstance } | Should -Throw -ErrorId 'NotConnected,Hypeman.Commands.GetHypemanInstanceCommand'
        }
    }

    Describe 'Disconnect-Hypeman' {
        It 'forgets the default connection; the most recent other one becomes the default' {
            Connect-TestHypeman -Name 'first'
            Connect-TestHypeman -Name 'second'
            Disconnect-Hypeman
            @(Get-HypemanConnection).Name | Should -Be @('first')
            (Get-HypemanConnection -Default).Name | Should -Be 'first'
            Disconnect-Hypeman
            @(Get-HypemanConnection).Count | Should -Be 0
            { Get-HypemanInstance } | Should -Throw -ErrorId 'NotConnected,Hypeman.Commands.GetHypemanInstanceCommand'
        }

        It 'takes connections from the pipeline' {
            Connect-TestHypeman -Name 'piped-1'
            Connect-TestHypeman -Name 'piped-2'
            Get-HypemanConnection | Disconnect-Hypeman
            @(Get-HypemanConnection).Count | Should -Be 0
        }

        It 'forgets connections by name, with wildcards, and leaves the others' {
            Connect-TestHypeman -Name 'keep'
            Connect-TestHypeman -Name 'drop-1'
            Connect-TestHypeman -Name 'drop-2'
            Disconnect-Hypeman -Name 'drop-*'
            @(Get-HypemanConnection).Name | Should -Be @('keep')
        }

        It 'reports an unknown name as a non-terminating ObjectNotFound error' {
            Connect-TestHypeman -Name 'keep'
            Disconnect-Hypeman -Name 'nope', 'keep' -ErrorAction SilentlyContinue -ErrorVariable err
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'ConnectionNotFound,Hypeman.Commands.DisconnectHypemanCommand'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err[0].TargetObject | Should -Be 'nope'
            @(Get-HypemanConnection | Where-Object Name -eq 'keep').Count | Should -Be 0 -Because 'the other name was still processed'
        }
    }

    Describe 'Get-HypemanConnection' {
        It 'lists this runspace''s connections, the default first, and filters by name with wildcards' {
            Connect-TestHypeman -Name 'alpha'
            Connect-TestHypeman -Name 'beta'
            Connect-TestHypeman -Name 'gamma'
            @(Get-HypemanConnection).Name | Should -Be @('gamma', 'alpha', 'beta')
            @(Get-HypemanConnection -Name 'al*', 'beta').Name | Should -Be @('alpha', 'beta')
        }

        It 'shows with -Default the connection cmdlets use without -Connection' {
            Connect-TestHypeman -Name 'alpha'
            Connect-TestHypeman -Name 'beta'
            $default = Get-HypemanConnection -Default
            @($default).Count | Should -Be 1
            $default.Name | Should -Be 'beta'
        }

        It 'reports an unknown name as a non-terminating ObjectNotFound error' {
            Connect-TestHypeman -Name 'alpha'
            $found = Get-HypemanConnection -Name 'nope', 'alpha' -ErrorAction SilentlyContinue -ErrorVariable err
            $found.Name | Should -Be 'alpha'
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'ConnectionNotFound,Hypeman.Commands.GetHypemanConnectionCommand'
            $err[0].TargetObject | Should -Be 'nope'
        }
    }

    Describe 'Test-HypemanConnection' {
        It 'is true for a server that accepts the key' {
            Connect-TestHypeman
            Test-HypemanConnection | Should -BeTrue
        }

        It 'is false for a key the server rejects' {
            $connection = New-TestConnection -BaseUrl $baseUrl -Token (New-TestJwt -Secret 'wrong-secret-wrong-secret')
            Test-HypemanConnection -Connection $connection | Should -BeFalse
        }

        It 'is false for a server that does not answer, without an error' {
            $connection = New-TestConnection -BaseUrl (Get-DeadBaseUrl) -MaxRetries 0
            $result = Test-HypemanConnection -Connection $connection -ErrorVariable err
            $result | Should -BeFalse
            $err.Count | Should -Be 0
        }

        It 'is false when no key is configured, and sends nothing' {
            $env:HYPEMAN_BASE_URL = $baseUrl
            Test-HypemanConnection | Should -BeFalse
            (Get-TestRequestLog).Count | Should -Be 0
        }
    }

    Describe 'Get-HypemanHealth' {
        It 'returns the server''s health' {
            Connect-TestHypeman
            $health = Get-HypemanHealth
            $health | Should -BeOfType ([Hypeman.Health])
            $health.Status | Should -Be 'ok'
            (Get-TestRequestLog -Method GET -Path '/health').Count | Should -Be 1
        }

        It 'needs no API key' {
            $env:HYPEMAN_BASE_URL = $baseUrl
            (Get-HypemanHealth).Status | Should -Be 'ok'
            $request = Get-TestRequestLog -Path '/health'
            $request.Count | Should -Be 1
            $request[0].has_authorization | Should -BeFalse
        }

        It 'reports a server that does not answer as a ConnectionError' {
            $connection = New-TestConnection -BaseUrl (Get-DeadBaseUrl) -MaxRetries 0
            { Get-HypemanHealth -Connection $connection } | Should -Throw -ErrorId 'ConnectionFailed,Hypeman.Commands.GetHypemanHealthCommand'
        }
    }
}
