namespace Hypeman.Emulator.State;

/// <summary>
/// The server's lifecycle rules (plain state equality checks, not a transition table):
/// stop needs Running (0.3.0 also Initializing), standby needs Running, start needs Stopped,
/// restore needs Standby; delete works from any state.
/// </summary>
internal static class InstanceLifecycle
{
    public static ApiError? Stop(StoreState state, InstanceRecord instance)
    {
        var allowed = instance.State == InstanceStates.Running
                      || (!state.IsV020 && instance.State == InstanceStates.Initializing);
        if (!allowed)
        {
            var required = state.IsV020 ? "Running" : "Running or Initializing";
            return ApiError.InvalidState($"cannot stop from state {instance.State}, must be {required}");
        }
        instance.StoppedAt = state.Now;
        instance.Enter(InstanceStates.Stopped, state.Now);
        return null;
    }

    public static ApiError? Start(StoreState state, InstanceRecord instance, IReadOnlyList<string>? entrypoint, IReadOnlyList<string>? cmd)
    {
        if (instance.State != InstanceStates.Stopped)
            return ApiError.InvalidState($"cannot start from state {instance.State}, must be Stopped");
        if (entrypoint is not null) instance.Entrypoint = entrypoint;
        if (cmd is not null) instance.Cmd = cmd;
        if (instance.NetworkEnabled) (instance.Ip, instance.Mac) = state.AllocateAddress();
        instance.StartedAt = state.Now; // stopped_at keeps its old value
        instance.Boot(state.Now, BootDelay(state), BootingState(state));
        return null;
    }

    public static ApiError? Standby(StoreState state, InstanceRecord instance)
    {
        if (instance.State != InstanceStates.Running)
            return ApiError.InvalidState($"cannot standby from state {instance.State}");
        instance.StoppedAt = state.Now;
        instance.HasSnapshot = true;
        instance.Enter(InstanceStates.Standby, state.Now);
        return null;
    }

    public static ApiError? Restore(StoreState state, InstanceRecord instance)
    {
        if (instance.State != InstanceStates.Standby)
            return ApiError.InvalidState($"cannot restore from state {instance.State}");
        instance.StartedAt = state.Now; // stopped_at keeps its old value; the snapshot is consumed
        instance.HasSnapshot = false;
        instance.Boot(state.Now, BootDelay(state), BootingState(state));
        return null;
    }

    /// <summary>Deletes in any state; its volume mounts go with it, which detaches the volumes.</summary>
    public static void Delete(StoreState state, InstanceRecord instance) => state.Instances.Remove(instance.Id);

    public static string BootingState(StoreState state) => state.IsV020 ? InstanceStates.Created : InstanceStates.Initializing;

    public static TimeSpan BootDelay(StoreState state) => TimeSpan.FromMilliseconds(state.Settings.BootDelayMs);
}
