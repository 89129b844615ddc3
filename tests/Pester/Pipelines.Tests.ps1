#Requires -Version 7.4
<#
    The pipelines of the design document, each checked against the server's state afterwards.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman

    $work = Join-Path ([IO.Path]::GetTempPath()) "hypeman-pipelines-$([guid]::NewGuid().ToString('n'))"
    New-Item -ItemType Directory -Path $work | Out-Null
}

AfterAll {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Pipelines' {
    BeforeEach {
        Reset-TestEmulator
        $logs = New-TestVolume -Name 'logs'
        $data = New-TestVolume -Name 'data'
        $web1 = New-TestInstance -Name 'web-1' -Volume 'logs' -ReadOnly -Tag @{ env = 'dev' }
        $web2 = New-TestInstance -Name 'web-2' -Volume 'logs' -ReadOnly -Tag @{ env = 'prod' }
        $api = New-TestInstance -Name 'api' -Volume 'logs', 'data' -ReadOnly -Tag @{ env = 'dev' }
        $worker = New-TestInstance -Name 'worker' -Tag @{ env = 'dev' }
        $batch = New-TestInstance -Name 'batch' -Tag @{ env = 'dev' } -State Stopped
    }

    It 'Get-HypemanInstance web-* | Dismount-HypemanVolume -VolumeId logs' {
        $results = @(Get-HypemanInstance web-* | Dismount-HypemanVolume -VolumeId logs)

        @($results.Name | Sort-Object) | Should -Be @('web-1', 'web-2')
        Get-TestVolumeIdsOf -Instance 'web-1' | Should -BeNullOrEmpty
        Get-TestVolumeIdsOf -Instance 'web-2' | Should -BeNullOrEmpty
        @(Get-TestVolumeIdsOf -Instance 'api' | Sort-Object) | Should -Be @(@($logs.id, $data.id) | Sort-Object)
    }

    It '(Get-HypemanInstance api).Volumes | Dismount-HypemanVolume' {
        $results = @((Get-HypemanInstance api).Volumes | Dismount-HypemanVolume)

        $results.Count | Should -Be 2
        $results[-1].Name | Should -Be 'api'
        Get-TestVolumeIdsOf -Instance 'api' | Should -BeNullOrEmpty
        Get-TestVolumeIdsOf -Instance 'web-1' | Should -Be @($logs.id)
    }

    It 'Get-HypemanVolume logs | Select-Object -ExpandProperty Attachments | Dismount-HypemanVolume' {
        $results = @(Get-HypemanVolume logs | Select-Object -ExpandProperty Attachments | Dismount-HypemanVolume)

        @($results.Name | Sort-Object) | Should -Be @('api', 'web-1', 'web-2')
        (Get-TestServerVolume -Id 'logs').PSObject.Properties['attachments'].Value | Should -BeNullOrEmpty
        Get-TestVolumeIdsOf -Instance 'api' | Should -Be @($data.id)
    }

    It 'Import-Csv pairs.csv | Dismount-HypemanVolume' {
        $csv = Join-Path $work 'pairs.csv'
        Set-Content -LiteralPath $csv -Value @(
            'InstanceId,VolumeId'
            'web-1,logs'
            "api,$($data.id)"
        )
        $results = @(Import-Csv $csv | Dismount-HypemanVolume)

        @($results.Name) | Should -Be @('web-1', 'api')
        Get-TestVolumeIdsOf -Instance 'web-1' | Should -BeNullOrEmpty
        Get-TestVolumeIdsOf -Instance 'api' | Should -Be @($logs.id)
        Get-TestVolumeIdsOf -Instance 'web-2' | Should -Be @($logs.id)
    }

    It 'Get-HypemanInstance -State Running -Tag @{env=''dev''} | Suspend-HypemanInstance' {
        $results = @(Get-HypemanInstance -State Running -Tag @{ env = 'dev' } | Suspend-HypemanInstance)

        @($results.Name | Sort-Object) | Should -Be @('api', 'web-1', 'worker')
        $results | ForEach-Object { $_.State | Should -Be 'Standby' }
        (Get-TestServerInstance -Id 'web-1').state | Should -Be 'Standby'
        (Get-TestServerInstance -Id 'api').state | Should -Be 'Standby'
        (Get-TestServerInstance -Id 'worker').state | Should -Be 'Standby'
        (Get-TestServerInstance -Id 'web-2').state | Should -Be 'Running' -Because 'it is tagged prod'
        (Get-TestServerInstance -Id 'batch').state | Should -Be 'Stopped' -Because 'it is not running'
    }
}

Describe 'Pipeline binding across resources' {
    # The design: a piped Volume must never bind its Id as an instance (and a piped Instance
    # never as a volume); only objects that carry InstanceId / VolumeId, or plain strings, bind.
    BeforeEach {
        Reset-TestEmulator
        $web1 = New-TestInstance -Name 'web-1'
        # Volume IDs are free text: this one happens to equal the instance's name.
        $cache = Invoke-TestApi -Method Post -Path 'volumes' -Body @{ name = 'cache'; size_gb = 1; id = 'web-1' }
        $logs = New-TestVolume -Name 'logs'
        Clear-TestRequestLog
    }

    It 'Get-HypemanVolume cache | Remove-HypemanInstance -Force does not delete an instance' {
        Get-HypemanVolume 'cache' | Remove-HypemanInstance -Force -ErrorAction SilentlyContinue
        @(Get-TestRequestLog -Method DELETE -Path '/instances/*').Count | Should -Be 0 -Because 'a Volume is not an instance'
        Get-TestServerInstance -Id $web1.id | Should -Not -BeNullOrEmpty -Because 'piping a volume must not delete the instance named like its ID'
    }

    It 'Get-HypemanVolume logs | Stop-HypemanInstance sends nothing' {
        Get-HypemanVolume 'logs' | Out-Null
        Clear-TestRequestLog
        Get-HypemanVolume 'logs' | Stop-HypemanInstance -ErrorAction SilentlyContinue
        @(Get-TestRequestLog -Method POST).Count | Should -Be 0 -Because 'a Volume is not an instance'
    }

    It 'Get-HypemanInstance web-1 | Remove-HypemanVolume -Force sends nothing' {
        Get-HypemanInstance 'web-1' | Remove-HypemanVolume -Force -ErrorAction SilentlyContinue
        @(Get-TestRequestLog -Method DELETE).Count | Should -Be 0 -Because 'an Instance is not a volume'
    }

    It 'still binds plain strings and objects that carry the identifier' {
        'web-1' | Stop-HypemanInstance | ForEach-Object State | Should -Be 'Stopped'
        [pscustomobject]@{ InstanceId = 'web-1' } | Start-HypemanInstance | ForEach-Object State | Should -Be 'Running'
        [pscustomobject]@{ VolumeId = 'logs' } | Remove-HypemanVolume -Force
        Get-TestServerVolume -Id 'logs' | Should -BeNullOrEmpty
    }
}
