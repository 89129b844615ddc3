# Starts and stops the Hypeman emulator for tests, the demo and the contract tests.
# The emulator prints "Hypeman emulator listening on http://127.0.0.1:<port>" as its first line.

function Start-HypemanEmulator {
    [CmdletBinding()]
    param(
        # The published emulator (out/emulator/Hypeman.Emulator.dll).
        [Parameter(Mandatory)] [string] $Path,
        [string] $JwtSecret = 'hypeman-test-secret',
        # Extra options, e.g. '--seed', 'demo', '--api-version', '0.2.0'.
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSec = 30
    )
    if (-not (Test-Path $Path)) { throw "The emulator is not built: '$Path' is missing. Run ./build.ps1 Build." }
    $log = [System.IO.Path]::GetTempFileName()
    $err = [System.IO.Path]::GetTempFileName()
    $arguments = @($Path, '--port', '0', '--jwt-secret', $JwtSecret) + $ArgumentList
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $log -RedirectStandardError $err
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ([DateTime]::UtcNow -lt $deadline) {
        $first = Get-Content -LiteralPath $log -TotalCount 1 -ErrorAction SilentlyContinue
        if ($first -match 'listening on (http://\S+)') {
            return [pscustomobject]@{
                PSTypeName = 'Hypeman.TestEmulator'
                BaseUrl    = $Matches[1]
                JwtSecret  = $JwtSecret
                Process    = $process
                LogPath    = $log
                ErrorPath  = $err
            }
        }
        if ($process.HasExited) { break }
        Start-Sleep -Milliseconds 100
    }
    $output = (Get-Content -LiteralPath $log, $err -Raw -ErrorAction SilentlyContinue) -join "`n"
    if (-not $process.HasExited) { Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue }
    throw "The emulator did not start within $TimeoutSec s. Its output:`n$output"
}

function Stop-HypemanEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        if ($Emulator.Process -and -not $Emulator.Process.HasExited) {
            Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
            $Emulator.Process.WaitForExit(5000) | Out-Null
        }
        Remove-Item -LiteralPath $Emulator.LogPath, $Emulator.ErrorPath -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function Start-HypemanEmulator, Stop-HypemanEmulator
