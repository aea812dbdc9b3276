import type { Api } from '../../shared/contract';
import type { Jobs } from './index';

type JobsApi = Pick<Api, Extract<keyof Api, `jobs.${string}`>>;

export function createJobsHandlers(jobs: Jobs): JobsApi {
  return {
    async 'jobs.cancel'({ jobId }) {
      return { cancelled: jobs.cancel(jobId) };
    },
  };
}
