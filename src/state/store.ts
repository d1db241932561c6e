// The one zustand store. Components read single fields with selectors and change them through `update`,
// which validates every patch (sanitize.ts); the URL sync and presets go through the same door.
import { create } from 'zustand';
import type { AppState, LessonChoice } from './appState.ts';
import { DEFAULT_STATE } from './defaults.ts';
import { applyPatch } from './sanitize.ts';
import { cloneState, lessonBaseState, lessonDataValue, parseHash } from './urlCodec.ts';
import type { LessonId } from './lessons/types.ts';
import type { CustomLesson, CustomLessonProblem } from './lessons/custom.ts';
import {
  CUSTOM_LESSON_ID,
  loadedCustomLesson,
  setLoadedCustomLesson,
  type CustomLessonId,
  type LoadedCustomLesson,
} from './lessons/loaded.ts';
import { findPresetScenario, presetPatch } from './presets.ts';
import type { UrlNotice } from './urlNotice.ts';
import { PARAMS } from './urlParams.ts';
import { pickFields } from './pickFields.ts';

export interface StoreActions {
  /** Applies a (validated, clamped) change. */
  update: (patch: Partial<AppState>) => void;
  /** Replaces the whole state from a location hash, keeping what the link said that was usable. */
  loadHash: (hash: string) => void;
  /** Loads a named scenario onto the defaults (viewer settings kept); unknown ids are ignored. */
  loadPreset: (id: string) => void;
  /**
   * Shows lesson `id` at `step` (from 1, clamped to its steps): the step's state, keeping how this viewer
   * looks at the page (theme, language, embedding, controls), as a link to the step would.
   */
  goToLessonStep: (id: LessonId | CustomLessonId, step: number) => void;
  /**
   * Starts an instructor's lesson (from a file) at its step 1: it becomes the page's lesson, and the link
   * its `lessondata=` link.
   */
  openCustomLesson: (lesson: CustomLesson) => void;
  /** Leaves the lesson: the free explorer, at the state on screen. */
  exitLesson: () => void;
  /** Back to the defaults (viewer settings such as theme and language are kept). */
  reset: () => void;
  dismissNotices: () => void;
}

export interface StoreState extends AppState, StoreActions {
  /** What the last link read could not take as it was. */
  notices: UrlNotice[];
  /** What was wrong with the last link's `lessondata=` (shown with the notices). */
  lessonProblems: CustomLessonProblem[];
  /** The page's instructor lesson (lessons/loaded.ts), here too so the player re-renders when it changes. */
  customLesson: LoadedCustomLesson | null;
  /**
   * Counts the times the whole state was replaced (a link, a preset, Reset), even when a field kept its
   * value: a number box then drops what was being typed into it.
   */
  loads: number;
}

/** Every field of AppState: the parameter list has exactly one entry per field. */
const STATE_FIELDS: readonly (keyof AppState)[] = PARAMS.map((p) => p.field);

/** The plain AppState inside the store (no actions, no notices); arrays are shared, never mutated. */
export function pickAppState(s: StoreState): AppState {
  return pickFields(s, STATE_FIELDS);
}

/**
 * What the shown step's own state could not use, when it is the instructor's lesson: their lesson, not this
 * link, but said as a link's notices are, while that step is on screen (a built-in step has none: its
 * tests keep it so).
 */
function customStepNotices(lesson: LessonChoice, step: number): UrlNotice[] {
  if (lesson !== CUSTOM_LESSON_ID) return [];
  return loadedCustomLesson()?.lesson.steps[step - 1]?.notices ?? [];
}

/** The defaults, keeping how this viewer looks at the page (theme, language, embedding). */
function viewerDefaults(s: StoreState): AppState {
  return {
    ...cloneState(DEFAULT_STATE),
    theme: s.theme,
    lang: s.lang,
    embed: s.embed,
    showControls: s.showControls,
    showExplanation: s.showExplanation,
  };
}

export function createAppStore(initial: AppState = cloneState(DEFAULT_STATE)) {
  return create<StoreState>()((set, get) => ({
    ...initial,
    notices: [],
    lessonProblems: [],
    customLesson: loadedCustomLesson(),
    loads: 0,
    update: (patch) => set(applyPatch(pickAppState(get()), patch)),
    loadHash: (hash) => {
      const { state, notices, custom, lessonProblems } = parseHash(hash);
      if (custom) setLoadedCustomLesson(custom);
      set({
        ...state,
        notices: [...customStepNotices(state.lesson, state.lessonStep), ...notices],
        lessonProblems: lessonProblems ?? [],
        customLesson: loadedCustomLesson(),
        loads: get().loads + 1,
      });
    },
    loadPreset: (id) => {
      const scenario = findPresetScenario(id);
      if (!scenario) return;
      set({ ...applyPatch(viewerDefaults(get()), presetPatch(scenario)), loads: get().loads + 1 });
    },
    goToLessonStep: (id, step) => {
      const s = get();
      const base = lessonBaseState(id, step);
      set({
        ...cloneState(base),
        theme: s.theme,
        lang: s.lang,
        embed: s.embed,
        showControls: s.showControls,
        notices: customStepNotices(base.lesson, base.lessonStep),
        lessonProblems: [],
        loads: s.loads + 1,
      });
    },
    openCustomLesson: (lesson) => {
      const data = lessonDataValue(lesson);
      const loaded = { data, lesson };
      setLoadedCustomLesson(loaded);
      set({ customLesson: loaded });
      get().goToLessonStep(CUSTOM_LESSON_ID, 1);
    },
    exitLesson: () => set(applyPatch(pickAppState(get()), { lesson: '', lessonStep: 1 })),
    reset: () => set({ ...viewerDefaults(get()), loads: get().loads + 1 }),
    dismissNotices: () => set({ notices: [], lessonProblems: [] }),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store. Tests create their own with createAppStore. */
export const useAppStore = createAppStore();
