#Requires -Version 7.4
<#
    New-HypemanInstance: every parameter reaches the request body (checked in the emulator's
    request log), volumes given by name are sent by ID, and bad input is refused before anything
    is sent.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman
}

Describe 'New-HypemanInstance' {
    BeforeEach {
        Reset-TestEmulator
    }

    Context 'creating' {
        It 'creates a running instance and writes it' {
            $instance = New-HypemanInstance -Name 'new-1' -Image 'nginx'
            $instance | Should -BeOfType ([Hypeman.Instance])
            $instance.Name | Should -Be 'new-1'
            $instance.State | Should -Be 'Running'
            (Get-TestServerInstance -Id 'new-1').id | Should -Be $instance.Id
        }

        It 'sends every parameter in the request body' {
            $data = New-TestVolume -Name 'data'
            $instance = New-HypemanInstance -Name 'full' -Image 'docker.io/library/alpine:latest' `
                -Memory 2GB -HotplugMemory 1GB -OverlaySize 5GB -Vcpu 4 `
                -Environment @{ PORT = '8080'; MODE = 'test' } -Tag @{ env = 'dev'; team = 'core' } `
                -Hypervisor 'qemu' -Volume 'data:/mnt/data:ro' `
                -Entrypoint '/bin/sh' -Command '-c', 'echo hello'

            $post = @(Get-TestRequestLog -Method POST -Path '/instances')
            $post.Count | Should -Be 1
            $post[0].content_type | Should -BeLike 'application/json*'
            $body = $post[0].body | ConvertFrom-Json -AsHashtable
            $body.name | Should -Be 'full'
            $body.image | Should -Be 'docker.io/library/alpine:latest'
            $body.size | Should -Be '2GB'
            $body.hotplug_size | Should -Be '1GB'
            $body.overlay_size | Should -Be '5GB'
            $body.vcpus | Should -Be 4
            $body.env.PORT | Should -Be '8080'
            $body.env.MODE | Should -Be 'test'
            $body.tags.env | Should -Be 'dev'
            $body.tags.team | Should -Be 'core'
            $body.hypervisor | Should -Be 'qemu'
            $body.volumes.Count | Should -Be 1
            $body.volumes[0].volume_id | Should -Be $data.id
            $body.volumes[0].mount_path | Should -Be '/mnt/data'
            $body.volumes[0].readonly | Should -BeTrue
            @($body.entrypoint) | Should -Be @('/bin/sh')
            @($body.cmd) | Should -Be @('-c', 'echo hello')

            $instance.Vcpus | Should -Be 4
            $instance.MemoryBytes | Should -Be 2GB
            $instance.Hypervisor | Should -Be 'qemu'
            $instance.Volumes.VolumeId | Should -Be $data.id
        }

        It 'sends only name and image when nothing else is given' {
            New-HypemanInstance -Name 'minimal' -Image 'nginx' | Out-Null
            $body = (Get-TestRequestLog -Method POST -Path '/instances')[0].body | ConvertFrom-Json -AsHashtable
            @($body.Keys | Sort-Object) | Should -Be @('image', 'name')
        }

        It 'takes volume mounts as strings, hashtables and VolumeMount objects' {
            $logs = New-TestVolume -Name 'logs'
            $cache = New-TestVolume -Name 'cache'
            $data = New-TestVolume -Name 'data'
            $mount = (New-HypemanInstance -Name 'donor' -Image 'nginx' -Volume 'data:/mnt/data').Volumes[0]
            Remove-HypemanInstance 'donor' -Force
            Clear-TestRequestLog

            New-HypemanInstance -Name 'mounts' -Image 'nginx' -Volume @(
                'logs:/mnt/logs'
                @{ VolumeId = 'cache'; MountPath = '/mnt/cache'; ReadOnly = $true }
                $mount
            ) | Out-Null
            $volumes = ((Get-TestRequestLog -Method POST -Path '/instances')[0].body | ConvertFrom-Json).volumes
            @($volumes.volume_id) | Should -Be @($logs.id, $cache.id, $data.id)
            @($volumes.mount_path) | Should -Be @('/mnt/logs', '/mnt/cache', '/mnt/data')
            @($volumes.readonly) | Should -Be @($false, $true, $false)
        }

        It 'looks a volume given by name up first, and sends its ID' {
            $data = New-TestVolume -Name 'by-name'
            Clear-TestRequestLog
            New-HypemanInstance -Name 'vol-by-name' -Image 'nginx' -Volume 'by-name:/mnt/x' | Out-Null
            $requests = Get-TestRequestLog
            $requests[0].method | Should -Be 'GET'
            $requests[0].path | Should -Be '/volumes/by-name'
            $post = $requests | Where-Object method -eq 'POST'
            ($post.body | ConvertFrom-Json).volumes[0].volume_id | Should -Be $data.id
            Get-TestVolumeIdsOf -Instance 'vol-by-name' | Should -Be @($data.id)
        }

        It 'takes Name and Image from the pipeline by property name' {
            $created = @(
                [pscustomobject]@{ Name = 'piped-1'; Image = 'nginx' }
                [pscustomobject]@{ Name = 'piped-2'; Image = 'alpine' }
            ) | New-HypemanInstance
            @($created.Name) | Should -Be @('piped-1', 'piped-2')
            (Get-TestServerInstance -Id 'piped-2').image | Should -Be 'alpine'
        }
    }

    Context 'validation before anything is sent' {
        It 'rejects the name <Value>' -ForEach @(
            @{ Value = 'Web_1' }
            @{ Value = '-web' }
            @{ Value = 'web-' }
            @{ Value = ('a' * 64) }
        ) {
            $err = $null
            try { New-HypemanInstance -Name $Value -Image 'nginx' } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,Hypeman.Commands.NewHypemanInstanceCommand'
            $err.Exception.Message | Should -BeLike '*Name*'
            (Get-TestRequestLog).Count | Should -Be 0
        }

        It 'rejects a bad tag, naming -Tag' {
            $err = $null
            try { New-HypemanInstance -Name 'tagged' -Image 'nginx' -Tag @{ 'no!good' = 'x' } } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,Hypeman.Commands.NewHypemanInstanceCommand'
            $err.Exception.Message | Should -BeLike '*Tag*'
            (Get-TestRequestLog).Count | Should -Be 0
        }

        It 'rejects a tag value with characters the server refuses' {
            { New-HypemanInstance -Name 'tagged' -Image 'nginx' -Tag @{ env = 'dev;prod' } } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,Hypeman.Commands.NewHypemanInstanceCommand'
            (Get-TestRequestLog).Count | Should -Be 0
        }

        It 'rejects the -Volume string <Value>, naming -Volume' -ForEach @(
            @{ Value = 'data' }
            @{ Value = 'data:relative/path' }
            @{ Value = ':/mnt/data' }
            @{ Value = 'data:/mnt/data:rx' }
        ) {
            $err = $null
            try { New-HypemanInstance -Name 'vol' -Image 'nginx' -Volume $Value } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'ParameterArgumentTransformationError,Hypeman.Commands.NewHypemanInstanceCommand'
            $err.Exception.Message | Should -BeLike '*Volume*'
            (Get-TestRequestLog).Count | Should -Be 0
        }

        It 'rejects a volume that does not exist, without creating the instance' {
            New-HypemanInstance -Name 'no-vol' -Image 'nginx' -Volume 'ghost:/mnt/ghost' -ErrorAction SilentlyContinue -ErrorVariable err |
                Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'VolumeNotFound,Hypeman.Commands.NewHypemanInstanceCommand'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err[0].TargetObject | Should -Be 'ghost'
            (Get-TestRequestLog -Method POST).Count | Should -Be 0
        }
    }

    Context 'server errors' {
        It 'reports the server''s refusal as a non-terminating error for that instance' {
            New-TestInstance -Name 'taken' | Out-Null
            $created = @('taken', 'fresh' | ForEach-Object { [pscustomobject]@{ Name = $_; Image = 'nginx' } } |
                    New-HypemanInstance -ErrorAction SilentlyContinue -ErrorVariable err)
            $created.Name | Should -Be @('fresh')
            $err.Count | Should -Be 1
            $err[0].TargetObject | Should -Be 'taken'
            $err[0].Exception.StatusCode | Should -BeIn 400, 409
        }
    }
}
