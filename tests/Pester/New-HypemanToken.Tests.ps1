#Requires -Version 7.4
<#
    New-HypemanToken: an HS256 JWT with sub/iat/exp signed with the server's JWT secret, as the
    server's own token tool makes it, and accepted by the (emulated) server.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    $secretText = $env:HYPEMAN_TEST_JWT_SECRET
    $secret = ConvertTo-TestSecureString $secretText

    function Split-Jwt([string] $Token) {
        $parts = $Token.Split('.')
        $utf8 = [Text.Encoding]::UTF8
        [pscustomobject]@{
            Parts     = $parts
            Header    = $utf8.GetString((ConvertFrom-Base64Url $parts[0])) | ConvertFrom-Json
            Payload   = $utf8.GetString((ConvertFrom-Base64Url $parts[1])) | ConvertFrom-Json
            Signature = $parts[2]
        }
    }

    function Get-ExpectedSignature([string] $Token, [string] $Key) {
        $parts = $Token.Split('.')
        $hmac = [Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes($Key))
        try { ConvertTo-Base64Url $hmac.ComputeHash([Text.Encoding]::ASCII.GetBytes("$($parts[0]).$($parts[1])")) }
        finally { $hmac.Dispose() }
    }
}

Describe 'New-HypemanToken' {
    Context 'the token' {
        BeforeAll {
            $before = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
            $token = New-HypemanToken -Secret $secret -AsPlainText
            $after = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
            $jwt = Split-Jwt $token
        }

        It 'is a three-part JWT with an HS256 header' {
            $jwt.Parts.Count | Should -Be 3
            $jwt.Header.alg | Should -Be 'HS256'
            $jwt.Header.typ | Should -Be 'JWT'
        }

        It 'has sub, iat and exp claims, valid for 24 hours by default' {
            $jwt.Payload.sub | Should -Not -BeNullOrEmpty
            $jwt.Payload.iat | Should -BeGreaterOrEqual $before
            $jwt.Payload.iat | Should -BeLessOrEqual $after
            ($jwt.Payload.exp - $jwt.Payload.iat) | Should -Be 86400
        }

        It 'is signed with HMAC-SHA256 over the secret' {
            $jwt.Signature | Should -Be (Get-ExpectedSignature $token $secretText)
        }

        It 'is accepted by the server' {
            Reset-TestEmulator
            $connection = Connect-Hypeman -BaseUrl (Get-TestBaseUrl) -ApiKey (ConvertTo-TestSecureString $token) -PassThru
            $connection.HasApiKey | Should -BeTrue
            (Get-TestRequestLog | Where-Object { $_.status -eq 401 }).Count | Should -Be 0
            Get-HypemanInstance | Should -BeNullOrEmpty
        }
    }

    Context 'parameters' {
        It 'writes a SecureString by default' {
            $key = New-HypemanToken -Secret $secret
            $key | Should -BeOfType ([securestring])
            $plain = ConvertFrom-SecureString -SecureString $key -AsPlainText
            (Split-Jwt $plain).Signature | Should -Be (Get-ExpectedSignature $plain $secretText)
        }

        It 'writes a string with -AsPlainText' {
            New-HypemanToken -Secret $secret -AsPlainText | Should -BeOfType ([string])
        }

        It 'sets exp from -Lifetime' {
            $jwt = Split-Jwt (New-HypemanToken -Secret $secret -Lifetime (New-TimeSpan -Minutes 5) -AsPlainText)
            ($jwt.Payload.exp - $jwt.Payload.iat) | Should -Be 300
        }

        It 'sets sub from -Subject' {
            (Split-Jwt (New-HypemanToken -Secret $secret -Subject 'ci-runner' -AsPlainText)).Payload.sub | Should -Be 'ci-runner'
        }

        It 'makes a token another secret''s server rejects' {
            $other = New-HypemanToken -Secret (ConvertTo-TestSecureString 'another-secret-entirely') -AsPlainText
            $connection = New-TestConnection -BaseUrl (Get-TestBaseUrl) -Token $other
            Test-HypemanConnection -Connection $connection | Should -BeFalse
        }
    }

    Context 'bad input' {
        It 'rejects an empty secret' {
            { New-HypemanToken -Secret ([securestring]::new()) } | Should -Throw -ErrorId 'SecretEmpty,Hypeman.Commands.NewHypemanTokenCommand'
        }

        It 'rejects a <Lifetime> lifetime' -ForEach @(
            @{ Lifetime = 'zero'; Value = [timespan]::Zero }
            @{ Lifetime = 'negative'; Value = [timespan]::FromHours(-1) }
        ) {
            $err = $null
            try { New-HypemanToken -Secret $secret -Lifetime $Value } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'LifetimeNotPositive,Hypeman.Commands.NewHypemanTokenCommand'
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'rejects a missing secret' {
            { New-HypemanToken -Secret $null } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Hypeman.Commands.NewHypemanTokenCommand'
        }

        It 'rejects a lifetime that is not a time span' {
            { New-HypemanToken -Secret $secret -Lifetime 'soon' } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,Hypeman.Commands.NewHypemanTokenCommand'
        }
    }
}
