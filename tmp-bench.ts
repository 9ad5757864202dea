import { measureAnalytics } from '/work/wt/analytics/scripts/bench/analytics-bench';
measureAnalytics((l) => console.log(l)).then((r) => console.log(JSON.stringify(r)));
