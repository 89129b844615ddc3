#Requires -Version 7.4
<#
    New-HypemanVolume: empty volumes (JSON), volumes from a real .tar.gz (raw gzip upload to
    /volumes/from-archive on 0.3.0, multipart POST /volumes on 0.2.0), and archive paths that are
    refused before anything is sent.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman

    # A real tar.gz made with tar, and two files that are not one.
    $work = Join-Path ([IO.Path]::GetTempPath()) "hypeman-volume-$([guid]::NewGuid().ToString('n'))"
    $content = Join-Path $work 'content'
    New-Item -ItemType Directory -Path (Join-Path $content 'etc') -Force | Out-Null
    Set-Content -LiteralPath (Join-Path $content 'etc' 'app.conf') -Value ('setting = value' * 200)
    Set-Content -LiteralPath (Join-Path $content 'README') -Value 'volume content'
    $archive = Join-Path $work 'content.tar.gz'
    & tar -czf $archive -C $content . 2>&1 | Out-Null
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path $archive)) { throw 'tar czf failed' }
    $plainFile = Join-Path $work 'not-gzip.tar.gz'
    Set-Content -LiteralPath $plainFile -Value 'this is not gzip data'
    $emptyFile = Join-Path $work 'empty.tar.gz'
    New-Item -ItemType File -Path $emptyFile | Out-Null
}

AfterAll {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'New-HypemanVolume' {
    BeforeEach {
        Reset-TestEmulator
    }

    Context 'an empty volume' {
        It 'creates it with a JSON body and writes it' {
            $volume = New-HypemanVolume -Name 'data' -SizeGB 10 -Tag @{ env = 'dev' }
            $volume | Should -BeOfType ([Hypeman.Volume])
            $volume.Name | Should -Be 'data'
            $volume.SizeGB | Should -Be 10
            $volume.Tags['env'] | Should -Be 'dev'

            $post = @(Get-TestRequestLog -Method POST -Path '/volumes')
            $post.Count | Should -Be 1
            $post[0].content_type | Should -BeLike 'application/json*'
            $body = $post[0].body | ConvertFrom-Json -AsHashtable
            $body.name | Should -Be 'data'
            $body.size_gb | Should -Be 10
            $body.tags.env | Should -Be 'dev'
            $body.ContainsKey('id') | Should -BeFalse
            (Get-TestServerVolume -Id $volume.Id).size_gb | Should -Be 10
        }

        It 'sends a custom -Id' {
            $volume = New-HypemanVolume -Name 'custom' -SizeGB 1 -Id 'vol-custom-1'
            $volume.Id | Should -Be 'vol-custom-1'
            ((Get-TestRequestLog -Method POST)[0].body | ConvertFrom-Json).id | Should -Be 'vol-custom-1'
        }

        It 'reports an ID that is taken as ResourceExists, and goes on' {
            New-TestVolume -Name 'first' | Out-Null
            New-HypemanVolume -Name 'x' -SizeGB 1 -Id 'dup-id' | Out-Null
            $created = @(
                [pscustomobject]@{ Name = 'again'; SizeGB = 1; Id = 'dup-id' }
                [pscustomobject]@{ Name = 'other'; SizeGB = 1; Id = 'other-id' }
            ) | New-HypemanVolume -ErrorAction SilentlyContinue -ErrorVariable err
            @($created.Id) | Should -Be @('other-id')
            $err.Count | Should -Be 1
            $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
            $err[0].Exception.ErrorCode | Should -Be 'already_exists'
            $err[0].TargetObject | Should -Be 'again'
        }

        It 'refuses a size below 1 GB before anything is sent' {
            { New-HypemanVolume -Name 'tiny' -SizeGB 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Hypeman.Commands.NewHypemanVolumeCommand'
            (Get-TestRequestLog).Count | Should -Be 0
        }
    }

    Context 'from an archive on a 0.3.0 server' {
        It 'uploads the gzip file to /volumes/from-archive' {
            $volume = New-HypemanVolume -Name 'from-tar' -SizeGB 2 -ArchivePath $archive -Tag @{ src = 'tar' }
            $volume | Should -BeOfType ([Hypeman.Volume])
            $volume.Name | Should -Be 'from-tar'
            $volume.SizeGB | Should -Be 1 -Because 'the server sizes an archive volume by its content'

            $post = @(Get-TestRequestLog -Method POST)
            $post.Count | Should -Be 1
            $post[0].path | Should -Be '/volumes/from-archive'
            $post[0].content_type | Should -Be 'application/gzip'
            $post[0].body_length | Should -Be (Get-Item $archive).Length
            $query = @($post[0].query.Split('&') | ForEach-Object { [uri]::UnescapeDataString($_) })
            $query | Should -Contain 'name=from-tar'
            $query | Should -Contain 'size_gb=2'
            $query | Should -Contain 'tags[src]=tar'
            (Get-TestServerVolume -Id $volume.Id).name | Should -Be 'from-tar'
        }

        It 'reports upload progress in bytes and completes it' {
            $connection = Get-HypemanConnection | Select-Object -First 1
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript("param(`$c, `$p) Import-Module '$($env:HYPEMAN_MODULE_PATH)'; New-HypemanVolume -Name progress -SizeGB 1 -ArchivePath `$p -Connection `$c").
                    AddArgument($connection).AddArgument($archive)
                $result = $ps.Invoke()
                $result.Name | Should -Be 'progress'
                $progress = @($ps.Streams.Progress | Where-Object Activity -like '*content.tar.gz*')
            }
            finally { $ps.Dispose() }
            $progress.Count | Should -BeGreaterThan 0
            $progress[-1].RecordType | Should -Be 'Completed'
            $progress[-1].StatusDescription | Should -Match '\d'
            $progress[-1].PercentComplete | Should -Be 100
        }

        It 'resolves a relative -ArchivePath against the current location' {
            Push-Location $work
            try { $volume = New-HypemanVolume -Name 'relative' -SizeGB 1 -ArchivePath './content.tar.gz' }
            finally { Pop-Location }
            $volume.Name | Should -Be 'relative'
        }

        It 'refuses a file that is not gzip, naming -ArchivePath, and sends nothing' {
            New-HypemanVolume -Name 'bad' -SizeGB 1 -ArchivePath $plainFile -ErrorAction SilentlyContinue -ErrorVariable err |
                Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'ArchiveNotGzip,Hypeman.Commands.NewHypemanVolumeCommand'
            $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err[0].Exception.Message | Should -BeLike '*-ArchivePath*'
            $err[0].TargetObject | Should -Be $plainFile
            (Get-TestRequestLog).Count | Should -Be 0
        }

        It 'refuses an empty file, and sends nothing' {
            New-HypemanVolume -Name 'empty' -SizeGB 1 -ArchivePath $emptyFile -ErrorAction SilentlyContinue -ErrorVariable err
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'ArchiveNotGzip,Hypeman.Commands.NewHypemanVolumeCommand'
            (Get-TestRequestLog).Count | Should -Be 0
        }

        It 'refuses a missing file, naming -ArchivePath, and sends nothing' {
            $missing = Join-Path $work 'missing.tar.gz'
            New-HypemanVolume -Name 'missing' -SizeGB 1 -ArchivePath $missing -ErrorAction SilentlyContinue -ErrorVariable err |
                Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'ArchiveNotFound,Hypeman.Commands.NewHypemanVolumeCommand'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err[0].Exception.Message | Should -BeLike '*-ArchivePath*'
            (Get-TestRequestLog).Count | Should -Be 0
        }

        It 'sends nothing with -WhatIf' {
            New-HypemanVolume -Name 'what-if' -SizeGB 1 -ArchivePath $archive -WhatIf | Should -BeNullOrEmpty
            (Get-TestRequestLog).Count | Should -Be 0
        }
    }

    Context 'from an archive on a 0.2.0 server' {
        BeforeAll {
            $old = Start-TestEmulator -ArgumentList '--api-version', '0.2.0'
            Connect-TestHypeman -BaseUrl $old.BaseUrl -Name 'v020'
        }

        AfterAll {
            $old | Stop-HypemanEmulator
            Connect-TestHypeman
        }

        It 'uploads a multipart form to POST /volumes' {
            Reset-TestEmulator -BaseUrl $old.BaseUrl
            $volume = New-HypemanVolume -Name 'old-tar' -SizeGB 2 -ArchivePath $archive
            $volume.Name | Should -Be 'old-tar'

            $post = @(Get-TestRequestLog -BaseUrl $old.BaseUrl -Method POST)
            $post.Count | Should -Be 1
            $post[0].path | Should -Be '/volumes'
            $post[0].content_type | Should -BeLike 'multipart/form-data*'
            $post[0].status | Should -Be 201
            @(Get-TestRequestLog -BaseUrl $old.BaseUrl -Path '/volumes/from-archive').Count | Should -Be 0
            (Get-TestServerVolume -Id 'old-tar' -BaseUrl $old.BaseUrl).id | Should -Be $volume.Id
        }

        It 'warns that -Tag is ignored, since 0.2.0 has no tags' {
            Reset-TestEmulator -BaseUrl $old.BaseUrl
            $volume = New-HypemanVolume -Name 'old-tagged' -SizeGB 1 -Tag @{ env = 'dev' } -WarningVariable warnings -WarningAction SilentlyContinue
            $volume.Name | Should -Be 'old-tagged'
            @($warnings).Count | Should -Be 1
            "$($warnings[0])" | Should -BeLike '*0.2.0*'
            "$($warnings[0])" | Should -BeLike '*-Tag*'
        }
    }
}
