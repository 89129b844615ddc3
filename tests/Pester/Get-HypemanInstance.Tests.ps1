#Requires -Version 7.4
<#
    Get-HypemanInstance: all instances, by name, ID or ID prefix (resolved by the server, one
    request each), wildcards (matched here against one listing), -State and -Tag filters, and the
    errors for a missing or ambiguous identifier.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman
}

Describe 'Get-HypemanInstance' {
    BeforeAll {
        Reset-TestEmulator
        $web1 = New-TestInstance -Name 'web-1' -Tag @{ env = 'dev'; app = 'web' }
        $web2 = New-TestInstance -Name 'web-2' -Tag @{ env = 'prod'; app = 'web' } -State Stopped
        $api = New-TestInstance -Name 'api' -Tag @{ env = 'dev'; app = 'api' } -State Standby
        $worker = New-TestInstance -Name 'worker' -Tag @{ env = 'dev' }
    }

    BeforeEach {
        Clear-TestRequestLog
    }

    Context 'without an identifier' {
        It 'lists every instance as Hypeman.Instance objects, with one request' {
            $all = @(Get-HypemanInstance)
            $all.Count | Should -Be 4
            $all | ForEach-Object { $_ | Should -BeOfType ([Hypeman.Instance]) }
            @($all.Name | Sort-Object) | Should -Be @('api', 'web-1', 'web-2', 'worker')
            $requests = Get-TestRequestLog
            $requests.Count | Should -Be 1
            $requests[0].method | Should -Be 'GET'
            $requests[0].path | Should -Be '/instances'
        }

        It 'fills in the instance''s properties' {
            $instance = Get-HypemanInstance | Where-Object Name -eq 'web-1'
            $instance.Id | Should -Be $web1.id
            $instance.InstanceId | Should -Be $web1.id
            $instance.State | Should -Be 'Running'
            $instance.Image | Should -Be 'nginx'
            $instance.IPAddress | Should -Not -BeNullOrEmpty
            $instance.Tags['env'] | Should -Be 'dev'
            $instance.CreatedAt | Should -BeOfType ([DateTimeOffset])
        }
    }

    Context 'what newer servers send' {
        It 'keeps a state this client has never seen, and ignores fields it does not know' {
            $body = @{
                id = $web1.id; name = 'web-1'; image = 'nginx'; state = 'Hibernating'; created_at = '2026-01-02T03:04:05Z'
                expires_at = $null; future_field = @{ nested = 1 }; network = @{ enabled = $true; ip = '10.1.2.3'; future = 'x' }
            } | ConvertTo-Json -Compress
            Add-TestFault @{ method = 'GET'; path = '/instances/web-1'; status = 200; body = $body; content_type = 'application/json' }
            $instance = Get-HypemanInstance 'web-1' -ErrorVariable err
            $err.Count | Should -Be 0
            $instance.State | Should -Be 'Hibernating'
            $instance.IPAddress | Should -Be '10.1.2.3'
            $instance.CreatedAt | Should -Be ([DateTimeOffset]'2026-01-02T03:04:05Z')
        }
    }

    Context 'by identifier' {
        It 'gets one instance by name, asking the server for that name only' {
            $instance = Get-HypemanInstance 'web-2'
            $instance.Id | Should -Be $web2.id
            $instance.State | Should -Be 'Stopped'
            $requests = Get-TestRequestLog
            $requests.Count | Should -Be 1
            $requests[0].path | Should -Be '/instances/web-2'
        }

        It 'gets one instance by ID with -Id' {
            (Get-HypemanInstance -Id $api.id).Name | Should -Be 'api'
            (Get-TestRequestLog)[0].path | Should -Be "/instances/$($api.id)"
        }

        It 'gets one instance by a unique ID prefix' {
            $prefix = $worker.id.Substring(0, 10)
            (Get-HypemanInstance -Id $prefix).Name | Should -Be 'worker'
            (Get-HypemanInstance $prefix).Name | Should -Be 'worker'
        }

        It 'takes names from the pipeline and writes each instance once' {
            $found = @('web-1', 'api', 'web-1' | Get-HypemanInstance)
            @($found.Name) | Should -Be @('web-1', 'api')
        }
    }

    Context 'with wildcards' {
        It 'matches names with web-*' {
            @(Get-HypemanInstance 'web-*' | ForEach-Object Name | Sort-Object) | Should -Be @('web-1', 'web-2')
            $requests = Get-TestRequestLog
            $requests.Count | Should -Be 1
            $requests[0].path | Should -Be '/instances'
        }

        It 'matches IDs with -Id <prefix>*' {
            (Get-HypemanInstance -Id "$($api.id.Substring(0, 12))*").Name | Should -Be 'api'
        }

        It 'is case-insensitive and writes an instance matched by several patterns once' {
            @(Get-HypemanInstance 'WEB-*', '*-1' | ForEach-Object Name | Sort-Object) | Should -Be @('web-1', 'web-2')
        }

        It 'writes nothing and no error when a pattern matches nothing' {
            Get-HypemanInstance 'nothing-*' -ErrorVariable err | Should -BeNullOrEmpty
            $err.Count | Should -Be 0
        }
    }

    Context '-State' {
        It 'filters by one state, asking the server to filter' {
            @(Get-HypemanInstance -State Running | ForEach-Object Name | Sort-Object) | Should -Be @('web-1', 'worker')
            (Get-TestRequestLog)[0].query | Should -Be 'state=Running'
        }

        It 'filters by several states' {
            @(Get-HypemanInstance -State Stopped, Standby | ForEach-Object Name | Sort-Object) | Should -Be @('api', 'web-2')
        }

        It 'ignores the case of the state' {
            @(Get-HypemanInstance -State 'running' | ForEach-Object Name | Sort-Object) | Should -Be @('web-1', 'worker')
            @(Get-HypemanInstance -State 'STANDBY').Name | Should -Be @('api')
        }

        It 'combines with names and wildcards' {
            @(Get-HypemanInstance 'web-*' -State Running).Name | Should -Be @('web-1')
            Get-HypemanInstance 'web-2' -State Running | Should -BeNullOrEmpty
        }

        It 'warns about a state it does not know, and still uses it' {
            $result = @(Get-HypemanInstance -State 'Runing', 'Stopped' -WarningVariable warnings -WarningAction SilentlyContinue)
            $result.Name | Should -Be @('web-2')
            @($warnings).Count | Should -Be 1
            "$($warnings[0])" | Should -Match "'Runing' is not an instance state"
        }
    }

    Context '-Tag' {
        It 'keeps instances that have every given tag' {
            @(Get-HypemanInstance -Tag @{ env = 'dev' } | ForEach-Object Name | Sort-Object) | Should -Be @('api', 'web-1', 'worker')
            @(Get-HypemanInstance -Tag @{ env = 'dev'; app = 'web' }).Name | Should -Be @('web-1')
            Get-HypemanInstance -Tag @{ env = 'staging' } | Should -BeNullOrEmpty
        }

        It 'sends the filter to the server as tags[key]=value' {
            Get-HypemanInstance -Tag @{ env = 'dev' } | Out-Null
            [uri]::UnescapeDataString((Get-TestRequestLog)[0].query) | Should -Be 'tags[env]=dev'
        }

        It 'combines with -State' {
            @(Get-HypemanInstance -State Running -Tag @{ env = 'dev' } | ForEach-Object Name | Sort-Object) | Should -Be @('web-1', 'worker')
        }

        It 'rejects a tag key the server would refuse, before anything is sent' {
            { Get-HypemanInstance -Tag @{ 'bad key!' = 'x' } } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,Hypeman.Commands.GetHypemanInstanceCommand'
            (Get-TestRequestLog).Count | Should -Be 0
        }
    }

    Context 'errors' {
        It 'writes a non-terminating ObjectNotFound error for a missing instance, and goes on' {
            $found = @('missing', 'api' | Get-HypemanInstance -ErrorAction SilentlyContinue -ErrorVariable err)
            $found.Name | Should -Be @('api')
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'InstanceNotFound,Hypeman.Commands.GetHypemanInstanceCommand'
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err[0].TargetObject | Should -Be 'missing'
            $err[0].Exception.Message | Should -BeLike "*'missing'*"
        }
    }
}

Describe 'Get-HypemanInstance with an ambiguous ID prefix' {
    It 'reports an ambiguous ID prefix as the server''s 409' {
        # Create instances until two IDs share a first letter (at most 27: the first is always a letter).
        Reset-TestEmulator
        $ids = [Collections.Generic.List[string]]::new()
        $n = 0
        while (-not ($ids | Group-Object { $_[0] } | Where-Object Count -gt 1)) {
            $ids.Add((New-TestInstance -Name "amb-$n").id)
            $n++
        }
        $prefix = [string](($ids | Group-Object { $_[0] } | Where-Object Count -gt 1 | Select-Object -First 1).Name)
        Clear-TestRequestLog

        Get-HypemanInstance -Id $prefix -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].Exception | Should -BeOfType ([Hypeman.HypemanApiException])
        $err[0].Exception.StatusCode | Should -Be 409
        $err[0].Exception.ErrorCode | Should -Be 'ambiguous'
        $err[0].FullyQualifiedErrorId | Should -Be 'Ambiguous,Hypeman.Commands.GetHypemanInstanceCommand'
        $err[0].TargetObject | Should -Be $prefix
        $err[0].ErrorDetails.Message | Should -BeLike '*multiple resources match*'
        (Get-TestRequestLog).Count | Should -Be 1 -Because 'a 409 is never retried'
    }
}
