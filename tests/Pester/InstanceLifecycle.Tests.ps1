#Requires -Version 7.4
<#
    Start-, Stop-, Suspend- and Resume-HypemanInstance: each writes the updated instance; an
    instance in the wrong state gets its own non-terminating InvalidOperation error (invalid_state,
    with the server's message) and the rest of the pipeline goes on; -WhatIf sends nothing;
    start sends a JSON body.
#>

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-HypemanTestModule
    Connect-TestHypeman
}

Describe 'Instance lifecycle cmdlets' {
    BeforeEach {
        Reset-TestEmulator
        $running = New-TestInstance -Name 'running-1'
        $running2 = New-TestInstance -Name 'running-2'
        $stopped = New-TestInstance -Name 'stopped-1' -State Stopped
        $standby = New-TestInstance -Name 'standby-1' -State Standby
        Clear-TestRequestLog
    }

    Context '<Command>' -ForEach @(
        @{ Command = 'Stop-HypemanInstance'; Class = 'StopHypemanInstanceCommand'; From = 'running-1'; Wrong = 'stopped-1'; To = 'Stopped'; Path = 'stop'; Message = '*cannot stop from state Stopped*' }
        @{ Command = 'Start-HypemanInstance'; Class = 'StartHypemanInstanceCommand'; From = 'stopped-1'; Wrong = 'running-1'; To = 'Running'; Path = 'start'; Message = '*cannot start from state Running*' }
        @{ Command = 'Suspend-HypemanInstance'; Class = 'SuspendHypemanInstanceCommand'; From = 'running-1'; Wrong = 'standby-1'; To = 'Standby'; Path = 'standby'; Message = '*cannot standby from state Standby*' }
        @{ Command = 'Resume-HypemanInstance'; Class = 'ResumeHypemanInstanceCommand'; From = 'standby-1'; Wrong = 'stopped-1'; To = 'Running'; Path = 'restore'; Message = '*cannot restore from state Stopped*' }
    ) {
        It 'moves the instance to <To> and writes the updated instance' {
            $result = & $Command -InstanceId $From
            $result | Should -BeOfType ([Hypeman.Instance])
            $result.Name | Should -Be $From
            $result.State | Should -Be $To
            (Get-TestServerInstance -Id $From).state | Should -Be $To
            $post = @(Get-TestRequestLog -Method POST)
            $post.Count | Should -Be 1
            $post[0].path | Should -Be "/instances/$From/$Path"
        }

        It 'accepts piped Instance objects' {
            $result = Get-HypemanInstance $From | & $Command
            $result.State | Should -Be $To
            (Get-TestRequestLog -Method POST)[0].path | Should -Be "/instances/$((Get-TestServerInstance -Id $From).id)/$Path"
        }

        It 'writes a non-terminating InvalidOperation error for an instance in the wrong state, and goes on' {
            $results = @($Wrong, $From | & $Command -ErrorAction SilentlyContinue -ErrorVariable err)

            $results.Count | Should -Be 1
            $results[0].Name | Should -Be $From
            $results[0].State | Should -Be $To
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be "InvalidState,Hypeman.Commands.$Class"
            $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
            $err[0].TargetObject | Should -Be $Wrong
            $err[0].Exception | Should -BeOfType ([Hypeman.HypemanApiException])
            $err[0].Exception.StatusCode | Should -Be 409
            $err[0].Exception.ErrorCode | Should -Be 'invalid_state'
            $err[0].Exception.Message | Should -BeLike $Message
            $err[0].ErrorDetails.Message | Should -BeLike $Message
            (Get-TestRequestLog -Method POST).Count | Should -Be 2 -Because 'a 409 is not retried'
        }

        It 'sends nothing with -WhatIf' {
            & $Command -InstanceId $From -WhatIf | Should -BeNullOrEmpty
            (Get-TestRequestLog).Count | Should -Be 0
            (Get-TestServerInstance -Id $From).state | Should -Not -Be $To
        }

        It 'reports a missing instance as ObjectNotFound' {
            & $Command -InstanceId 'ghost' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err.Count | Should -Be 1
            $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $err[0].TargetObject | Should -Be 'ghost'
        }
    }

    Context 'Start-HypemanInstance request body' {
        It 'sends {} when no override is given' {
            Start-HypemanInstance 'stopped-1' | Out-Null
            $post = (Get-TestRequestLog -Method POST)[0]
            $post.content_type | Should -BeLike 'application/json*'
            $body = $post.body | ConvertFrom-Json -AsHashtable
            $body | Should -BeOfType ([hashtable])
            $body.Count | Should -Be 0
        }

        It 'sends -Entrypoint and -Command as entrypoint and cmd' {
            Start-HypemanInstance 'stopped-1' -Entrypoint '/usr/bin/env' -Command 'python', '-m', 'http.server' | Out-Null
            $body = (Get-TestRequestLog -Method POST)[0].body | ConvertFrom-Json -AsHashtable
            @($body.entrypoint) | Should -Be @('/usr/bin/env')
            @($body.cmd) | Should -Be @('python', '-m', 'http.server')
        }
    }

    Context 'pipelines' {
        It 'stops every running instance of a pipeline, reporting the others' {
            $results = @(Get-HypemanInstance | Stop-HypemanInstance -ErrorAction SilentlyContinue -ErrorVariable err)
            @($results.Name | Sort-Object) | Should -Be @('running-1', 'running-2')
            $err.Count | Should -Be 2
            @($err.TargetObject | Sort-Object) | Should -Be @(@($stopped.id, $standby.id) | Sort-Object)
            @(Invoke-TestApi -Method Get -Path 'instances' | Write-Output | Where-Object state -eq 'Running').Count | Should -Be 0
        }

        It 'runs a full cycle: suspend, resume, stop, start' {
            $instance = Get-HypemanInstance 'running-1'
            ($instance | Suspend-HypemanInstance).State | Should -Be 'Standby'
            ($instance | Resume-HypemanInstance).State | Should -Be 'Running'
            ($instance | Stop-HypemanInstance).State | Should -Be 'Stopped'
            ($instance | Start-HypemanInstance).State | Should -Be 'Running'
        }
    }
}
