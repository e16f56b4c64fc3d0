import { errorText } from '../errors.js';
import { Box, useApp, useInput } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { translator, type Lang } from '../i18n/index.js';
import type { TutorSession } from '../runner/session.js';
import { initialState } from '../runner/state.js';
import { Confirm } from './components/Confirm.js';
import { Footer } from './components/Footer.js';
import { Header } from './components/Header.js';
import { KeysHelp } from './components/KeysHelp.js';
import { LessonPicker } from './components/LessonPicker.js';
import { LookContext, type Look } from './context.js';
import { createController, type Controller } from './controller.js';
import { footerKeys } from './footer-keys.js';
import { useNow } from './hooks/useNow.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { useTutor } from './hooks/useTutor.js';
import { handleKey } from './keys.js';
import { ResetLine } from './components/ResetLine.js';
import { LessonList } from './screens/LessonList.js';
import { LessonView } from './screens/LessonView.js';
import { Loading } from './screens/Loading.js';
import { Welcome } from './screens/Welcome.js';

export interface AppProps {
  /** Opens the lab; the first frame is drawn before it resolves. */
  open: () => Promise<TutorSession>;
  lang: Lang;
  color: boolean;
  /** A fixed size for tests; otherwise the terminal's, live. */
  size?: { columns: number; rows: number };
}

/** The lab's terminal UI: state in a pure reducer, effects through the controller, screens from props. */
export function App({ open, lang, color, size }: AppProps) {
  const { exit } = useApp();
  const term = useTerminalSize(size);
  const { state, dispatch, getState } = useTutor(() => initialState(lang));
  const [session, setSession] = useState<TutorSession>();
  const [failure, setFailure] = useState<string>();
  const ctl = useRef<Controller | null>(null);
  const sessionRef = useRef<TutorSession | null>(null);

  useEffect(() => {
    let live = true;
    open().then(
      (opened) => {
        if (!live) return;
        ctl.current = createController({ session: opened, getState, dispatch, exit });
        sessionRef.current = opened;
        setSession(opened);
        ctl.current.start();
      },
      (error: unknown) => setFailure(errorText(error)),
    );
    return () => {
      live = false;
    };
  }, []);

  // Reads refs only, so a key pressed right after a frame never meets a stale closure.
  useInput((input, key) => {
    if (ctl.current && sessionRef.current)
      return handleKey(input, key, {
        state: getState(),
        lessons: sessionRef.current.lessons,
        dispatch,
        ctl: ctl.current,
      });
    if (input === 'q' || (key.ctrl && input === 'c')) exit();
    else if (input === 'l') dispatch({ type: 'lang' });
  });

  const now = useNow(Boolean(state.busy));
  const look: Look = useMemo(
    () => ({
      lang: state.lang,
      t: translator(state.lang),
      color,
      columns: term.columns,
      rows: term.rows,
    }),
    [state.lang, color, term.columns, term.rows],
  );
  const lesson = session?.lessons.find((l) => l.id === state.lessonId);
  const keys = session ? footerKeys(state, session.lessons) : [];
  const resetting = state.busy?.kind === 'reset' ? state.busy : undefined;
  const footerHeight = 1 + (state.notice ? 1 : 0) + (resetting ? 1 : 0);
  // One line short of the terminal so ink redraws in place instead of clearing the screen.
  const bodyHeight = Math.max(5, term.rows - 2 - footerHeight);
  const title =
    lesson && state.screen === 'lesson'
      ? `citus-lab-tutor · ${lesson.number}. ${lesson.prose[state.lang].title}`
      : look.t('ui.title');

  let body;
  const o = state.overlay;
  if (!session) body = <Loading error={failure} />;
  else if (o?.kind === 'keys') body = <KeysHelp />;
  else if (o?.kind === 'goto') body = <LessonPicker lessons={session.lessons} cursor={o.cursor} />;
  else if (o?.kind === 'confirmQuit') body = <Confirm question={look.t('ui.confirm.quit')} />;
  else if (o?.kind === 'confirmReset')
    body = <Confirm question={look.t('ui.confirm.reset', { id: o.lessonId })} />;
  else if (o?.kind === 'prerequisites')
    body = (
      <Confirm
        question={look.t('ui.confirm.prerequisites', {
          id: o.lessonId,
          missing: o.missing.join(', '),
        })}
      />
    );
  else if (state.screen === 'welcome') body = <Welcome doctor={state.doctor} />;
  else if (state.screen === 'lesson' && lesson)
    body = (
      <LessonView
        state={state}
        lesson={lesson}
        session={session}
        ports={session.ports}
        now={now}
        height={bodyHeight}
      />
    );
  else if (state.screen === 'lessons' || state.screen === 'lesson')
    body = (
      <LessonList
        lessons={session.lessons}
        progress={state.progress}
        cursor={state.listCursor}
        cluster={state.cluster}
        height={bodyHeight}
      />
    );
  else body = <Loading />;

  return (
    <LookContext.Provider value={look}>
      <Box flexDirection="column" width={term.columns}>
        <Header title={title} />
        <Box flexDirection="column" height={bodyHeight} overflow="hidden">
          {body}
        </Box>
        {resetting ? <ResetLine busy={resetting} now={now} /> : null}
        <Footer keys={keys} notice={state.notice} />
      </Box>
    </LookContext.Provider>
  );
}
