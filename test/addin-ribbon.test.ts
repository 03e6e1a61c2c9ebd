/**
 * The ribbon's commands complete (event.completed) only once their message dialog is gone: closed by the
 * user, failed to open, or after a wait under the five-minute command limit (issue 17, item 5).
 */
import { COMMAND_WAIT_MS, tellThenComplete } from '../src/addin/commands/ribbon-dialog';
import { HostDialogs } from './office-host/dialog';

const URL_OF = (text: string) => `https://localhost/message.html?text=${encodeURIComponent(text)}`;
const tick = () => new Promise((r) => setImmediate(r));

/** Timers the test moves by hand, so nothing depends on the clock. */
function manualTimers() {
  const pending: Array<{ at: number; run: () => void; id: number }> = [];
  let now = 0;
  let next = 1;
  return {
    timers: {
      set: ((run: () => void, ms: number) => {
        const id = next++;
        pending.push({ at: now + ms, run, id });
        return id;
      }) as unknown as typeof setTimeout,
      clear: ((id: number) => {
        const i = pending.findIndex((p) => p.id === id);
        if (i >= 0) pending.splice(i, 1);
      }) as unknown as typeof clearTimeout,
    },
    advance(ms: number) {
      now += ms;
      for (const p of pending.filter((x) => x.at <= now)) {
        pending.splice(pending.indexOf(p), 1);
        p.run();
      }
    },
  };
}

describe('a ribbon command with a message completes when its dialog is gone', () => {
  test('the host: completing right after opening the dialog (the old way) loses the dialog', async () => {
    const ui = new HostDialogs();
    ui.displayDialogAsync(URL_OF('工作表受保护'), {}, () => {});
    ui.completed();
    await tick();
    expect(ui.lostDialog).toBe(true);
  });

  test('the user reads the message and closes it: then, and only then, the command completes', async () => {
    const ui = new HostDialogs();
    const clock = manualTimers();
    tellThenComplete(ui, URL_OF('工作表“台账”受保护'), () => ui.completed(), COMMAND_WAIT_MS, clock.timers);
    await tick();
    expect(ui.open?.text).toBe('工作表“台账”受保护');
    expect(ui.completedAt).toBeNull();
    clock.advance(60_000);
    expect(ui.completedAt).toBeNull();
    ui.open!.userCloses();
    expect(ui.completedAt).not.toBeNull();
    expect(ui.lostDialog).toBe(false);
    clock.advance(COMMAND_WAIT_MS); // the timer was cleared: no second completion
  });

  test('nobody closes it: the dialog is closed and the command completed before five minutes', async () => {
    const ui = new HostDialogs();
    const clock = manualTimers();
    tellThenComplete(ui, URL_OF('Nothing to clear'), () => ui.completed(), COMMAND_WAIT_MS, clock.timers);
    await tick();
    clock.advance(COMMAND_WAIT_MS - 1);
    expect(ui.completedAt).toBeNull();
    clock.advance(1);
    expect(ui.completedAt).not.toBeNull();
    expect(ui.open).toBeNull();
    expect(ui.lostDialog).toBe(false);
    expect(COMMAND_WAIT_MS).toBeLessThan(5 * 60 * 1000);
  });

  test.each([
    ['another dialog is already open (12007)', (ui: HostDialogs) => ui.displayDialogAsync(URL_OF('x'), {}, () => {})],
    ['the pop-up is blocked (12009)', (ui: HostDialogs) => void (ui.failNext = true)],
  ])('the dialog fails to open, %s: the command completes at once', async (_l, before) => {
    const ui = new HostDialogs();
    before(ui);
    await tick();
    const lostBefore = ui.lostDialog;
    let completed = 0;
    tellThenComplete(ui, URL_OF('x'), () => completed++, COMMAND_WAIT_MS, manualTimers().timers);
    await tick();
    expect(completed).toBe(1);
    expect(ui.lostDialog).toBe(lostBefore);
  });

  test('no dialog API (DialogApi 1.1 missing): the command completes at once', () => {
    let completed = 0;
    tellThenComplete(null, URL_OF('x'), () => completed++);
    expect(completed).toBe(1);
  });
});
