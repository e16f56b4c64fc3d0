import { useCallback, useRef, useState } from 'react';
import { reduce, type TutorAction, type TutorState } from '../../runner/state.js';

/**
 * The reducer's state held so that callers always read the latest one: keys typed faster than a frame
 * and async results see every earlier action.
 */
export function useTutor(initial: () => TutorState) {
  const ref = useRef<TutorState | null>(null);
  if (ref.current === null) ref.current = initial();
  const [state, setState] = useState(ref.current);
  const dispatch = useCallback((action: TutorAction) => {
    ref.current = reduce(ref.current!, action);
    setState(ref.current);
  }, []);
  const getState = useCallback(() => ref.current!, []);
  return { state, dispatch, getState };
}
