using System.Collections.Concurrent;
using System.Management.Automation;
using Hypeman.Client.Http;
using Hypeman.Http;

namespace Hypeman.PowerShell;

/// <summary>
/// Base of every Hypeman cmdlet. Owns cancellation (Ctrl+C cancels the token, which stops any
/// HTTP call at once) and the single async-to-sync bridge. While a call runs, verbose, debug and
/// progress reports from other threads are queued and written here, on the pipeline thread,
/// the only thread PowerShell allows to write.
/// </summary>
public abstract class HypemanCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<Action> _pendingWrites = new();
    private readonly AutoResetEvent _wake = new(false);
    private QueuedObserver? _observer;
    private HashSet<string>? _typedParameters;
    private bool _disposed;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    /// <summary>Receives the client's diagnostics on any thread and writes them on the pipeline thread.</summary>
    internal IRequestObserver Observer => _observer ??= new QueuedObserver(this);

    protected override void StopProcessing() => _stopping.Cancel();

    protected override void BeginProcessing()
    {
        // What is bound now was typed on the command line; pipeline input is bound later, per record.
        _typedParameters = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when the parameter was given on the command line rather than bound from the pipeline.</summary>
    protected bool IsTyped(string parameterName) => _typedParameters?.Contains(parameterName) ?? false;

    /// <summary>Runs an async operation to completion on the pipeline thread, writing its reports as they come.</summary>
    protected T Run<T>(Func<CancellationToken, Task<T>> operation)
    {
        var task = Unwrap(() => operation(CancellationToken));
        Pump(task);
        return Unwrap(() => task.GetAwaiter().GetResult());
    }

    /// <inheritdoc cref="Run{T}(Func{CancellationToken, Task{T}})"/>
    protected void Run(Func<CancellationToken, Task> operation)
    {
        var task = Unwrap(() => operation(CancellationToken));
        Pump(task);
        Unwrap(() => { task.GetAwaiter().GetResult(); return true; });
    }

    /// <summary>Enumerates an async stream on the pipeline thread, so items can be written as they arrive.</summary>
    protected IEnumerable<T> Stream<T>(Func<CancellationToken, IAsyncEnumerable<T>> source)
    {
        var items = source(CancellationToken).GetAsyncEnumerator(CancellationToken);
        try
        {
            while (true)
            {
                var next = items.MoveNextAsync();
                bool hasItem = next.IsCompletedSuccessfully ? next.Result : Run(_ => next.AsTask());
                if (!hasItem) yield break;
                yield return items.Current;
            }
        }
        finally
        {
            var disposal = items.DisposeAsync();
            if (!disposal.IsCompletedSuccessfully) Run(_ => disposal.AsTask());
        }
    }

    /// <summary>A client for a connection whose reports reach this cmdlet's streams.</summary>
    internal HypemanClient CreateClient(HypemanConnection connection) =>
        new(HypemanHttp.CreateClient(connection), connection, Observer);

    /// <summary>
    /// Writes a verbose message. With -Debug alone PowerShell makes the verbose preference of a
    /// compiled cmdlet Inquire, which would prompt at every request line; the line goes to the
    /// debug stream then.
    /// </summary>
    public new void WriteVerbose(string text)
    {
        if (MyInvocation.BoundParameters.ContainsKey("Debug") && !MyInvocation.BoundParameters.ContainsKey("Verbose"))
            WriteDebug(text);
        else
            base.WriteVerbose(text);
    }

    /// <summary>True when -WhatIf (or $WhatIfPreference) is in effect.</summary>
    protected bool IsWhatIf()
    {
        if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) && value is SwitchParameter whatIf)
            return whatIf.IsPresent;
        return LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));
    }

    /// <summary>ShouldProcess that -Force can answer yes to, but never under -WhatIf.</summary>
    protected bool ShouldProcess(string target, string action, bool force) =>
        force && !IsWhatIf() ? true : ShouldProcess(target, action);

    protected override void EndProcessing() => DrainWrites();

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stopping.Dispose();
        _wake.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Pump(Task task)
    {
        if (!task.IsCompleted)
        {
            task.ContinueWith(static (_, wake) => ((AutoResetEvent)wake!).Set(), _wake,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted)
            {
                _wake.WaitOne();
                DrainWrites();
            }
        }
        DrainWrites();
    }

    /// <summary>Ctrl+C surfaces as a cancelled task; PowerShell expects a pipeline stop, not an error.</summary>
    private TResult Unwrap<TResult>(Func<TResult> getResult)
    {
        try
        {
            return getResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private void DrainWrites()
    {
        while (_pendingWrites.TryDequeue(out var write)) write();
    }

    private void Enqueue(Action write)
    {
        _pendingWrites.Enqueue(write);
        _wake.Set();
    }

    /// <summary>Turns client reports into Write-Verbose/Write-Debug/Write-Progress on the pipeline thread.</summary>
    private sealed class QueuedObserver(HypemanCmdlet cmdlet) : IRequestObserver
    {
        private readonly ConcurrentDictionary<string, int> _activityIds = new(StringComparer.Ordinal);

        public void Verbose(string message) => cmdlet.Enqueue(() => cmdlet.WriteVerbose(message));

        public void Debug(string message) => cmdlet.Enqueue(() => cmdlet.WriteDebug(message));

        public void Progress(TransferProgress progress)
        {
            int id = _activityIds.GetOrAdd(progress.Activity, _ => 1 + _activityIds.Count);
            var record = new ProgressRecord(id, progress.Activity, progress.Status)
            {
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            cmdlet.Enqueue(() => cmdlet.WriteProgress(record));
        }
    }
}
