import { measureInbox } from './inbox-bench';
void measureInbox((l) => console.log(l)).then((r) => console.log(JSON.stringify(r)));
