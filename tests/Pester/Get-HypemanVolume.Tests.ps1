#Requires -Version 7.4
<#
    Get-HypemanVolume: all volumes, by name or ID (one request each), wildcards, -Tag, attachments
    that carry their volume, and a missing volume as a non-terminating error.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman
}

Describe 'Get-HypemanVolume' {
    BeforeAll {
        Reset-TestEmulator
        # Known IDs, so that wildcards (which match names and IDs) have a known answer.
        $logs = New-TestVolume -Name 'logs' -SizeGB 2 -Tag @{ env = 'dev'; kind = 'logs' } -Id 'vol-logs-0001'
        $data = New-TestVolume -Name 'data' -SizeGB 5 -Tag @{ env = 'prod' } -Id 'vol-data-0002'
        $scratch = New-TestVolume -Name 'scratch' -Tag @{ env = 'dev' } -Id 'vol-scratch-0003'
        $web = New-TestInstance -Name 'web-1' -Volume 'logs'
    }

    BeforeEach {
        Clear-TestRequestLog
    }

    It 'lists every volume as Hypeman.Volume objects, with one request' {
        $all = @(Get-HypemanVolume)
        @($all.Name | Sort-Object) | Should -Be @('data', 'logs', 'scratch')
        $all | ForEach-Object { $_ | Should -BeOfType ([Hypeman.Volume]) }
        (Get-TestRequestLog).Count | Should -Be 1
        (Get-TestRequestLog)[0].path | Should -Be '/volumes'
    }

    It 'gets a volume by name, asking the server for that name only' {
        $volume = Get-HypemanVolume 'data'
        $volume.Id | Should -Be $data.id
        $volume.VolumeId | Should -Be $data.id
        $volume.SizeGB | Should -Be 5
        (Get-TestRequestLog).path | Should -Be @('/volumes/data')
    }

    It 'gets a volume by ID with -Id' {
        (Get-HypemanVolume -Id $scratch.id).Name | Should -Be 'scratch'
    }

    It 'matches wildcards against names and IDs' {
        @(Get-HypemanVolume '*a*' | ForEach-Object Name | Sort-Object) | Should -Be @('data', 'scratch')
        @(Get-HypemanVolume 'LOG*', 'nothing*').Name | Should -Be @('logs')
        (Get-HypemanVolume -Id 'vol-logs-*').Name | Should -Be 'logs'
        @(Get-HypemanVolume '*-000?' | ForEach-Object Name | Sort-Object) | Should -Be @('data', 'logs', 'scratch')
    }

    It 'filters by tags' {
        @(Get-HypemanVolume -Tag @{ env = 'dev' } | ForEach-Object Name | Sort-Object) | Should -Be @('logs', 'scratch')
        @(Get-HypemanVolume -Tag @{ env = 'dev'; kind = 'logs' }).Name | Should -Be @('logs')
        Get-HypemanVolume -Tag @{ env = 'none' } | Should -BeNullOrEmpty
    }

    It 'shows attachments that carry the volume and the instance' {
        $volume = Get-HypemanVolume 'logs'
        $volume.Attachments.Count | Should -Be 1
        $attachment = $volume.Attachments[0]
        $attachment | Should -BeOfType ([Hypeman.VolumeAttachment])
        $attachment.VolumeId | Should -Be $logs.id
        $attachment.VolumeName | Should -Be 'logs'
        $attachment.InstanceId | Should -Be $web.id
        $attachment.MountPath | Should -Be '/mnt/logs'
        (Get-HypemanVolume 'data').Attachments.Count | Should -Be 0
    }

    It 'writes a non-terminating ObjectNotFound error for a missing volume, and goes on' {
        $found = @('ghost', 'data' | Get-HypemanVolume -ErrorAction SilentlyContinue -ErrorVariable err)
        $found.Name | Should -Be @('data')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'VolumeNotFound,Hypeman.Commands.GetHypemanVolumeCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'ghost'
    }
}
