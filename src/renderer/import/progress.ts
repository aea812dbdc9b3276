import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventMap } from '../../shared/contract';
import { bridge } from '../api';

type Progress = EventMap['job.progress'];

let counter = 0;

/**
 * Progress of the import's long calls (checking 100,000 rows takes seconds): `start()` gives a
 * job id to pass with the call, and the core's 'job.progress' events for that id arrive in
 * `progress` until `stop()`. Events of other jobs, or late ones of an earlier call, are ignored.
 */
export function useJobProgress() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const current = useRef<string | null>(null);
  useEffect(() => bridge.on('job.progress', (p) => p.jobId === current.current && setProgress(p)), []);
  const start = useCallback(() => {
    const jobId = `import-${Date.now()}-${++counter}`;
    current.current = jobId;
    setProgress(null);
    return jobId;
  }, []);
  const stop = useCallback((jobId: string) => {
    if (current.current !== jobId) return;
    current.current = null;
    setProgress(null);
  }, []);
  return { progress, start, stop };
}
