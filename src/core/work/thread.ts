// The loop of one work thread: a task message in, its result (or the error's message) out.
// The thread says it is ready only once the language model is loaded, so a time budget never
// counts the start-up (about a second) against the first item.
import { parentPort } from 'node:worker_threads';
import { TASKS, type TaskName } from './tasks.ts';

export interface TaskMessage {
  id: number;
  task: TaskName;
  input: unknown;
}

export type ThreadMessage = { ready: true } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

function run({ task, input }: TaskMessage): unknown {
  return (TASKS[task] as (input: unknown) => unknown)(input);
}

const port = parentPort!;
port.on('message', (message: TaskMessage) => {
  let reply: ThreadMessage;
  try {
    reply = { id: message.id, ok: true, value: run(message) };
  } catch (e) {
    reply = { id: message.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  try {
    port.postMessage(reply);
  } catch (e) {
    port.postMessage({ id: message.id, ok: false, error: `the result could not be passed back (${(e as Error).message})` } satisfies ThreadMessage);
  }
});

TASKS.extract({ article: { id: 'warm-up', title: null, published: null, url: null, author: null, outlet: null, text: 'The model is loaded.' } });
port.postMessage({ ready: true } satisfies ThreadMessage);
