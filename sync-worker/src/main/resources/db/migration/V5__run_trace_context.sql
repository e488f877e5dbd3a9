-- The trace a run belongs to: the W3C trace context (traceparent, tracestate) that was current when
-- its request was accepted, as propagation headers. Whichever replica executes the run, now or after
-- a lease handover, continues that trace. Null when tracing was off.
ALTER TABLE sync_run ADD COLUMN trace_context jsonb;
