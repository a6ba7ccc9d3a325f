// The analytics queries' implementation (argument checks, window splitting, merging, job polling), loaded by
// resources.ts on a query's first call: a program that never queries analytics never compiles it.
export { conversationAggregates, userAggregates } from './aggregates.js';
export { cancelDetailsJob, conversationDetails, conversationDetailsJob, createDetailsJob, detailsJobResults, detailsJobStatus, jobsAvailability } from './details.js';
export { queueLoad, queueObservations } from './observations.js';
