/*
 * A worker of the report render pool (reports/render-pool.ts). Plain JavaScript, so Node runs it
 * as it is wherever the app runs — `npm start` (remix-serve and the Vite server build), `npm run
 * report`, vitest — and it loads the TypeScript report builders through tsx, a dependency of the
 * app already (npm start runs on it).
 */
import { tsImport } from "tsx/esm/api";

const { renderReportJob } = await tsImport("./render-job.ts", import.meta.url);

export default renderReportJob;
