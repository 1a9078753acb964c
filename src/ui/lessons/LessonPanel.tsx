// A lesson, step by step: the question, the learner's prediction, then the trace that answers it
// (played in the simulation), and only at its last event whether the prediction was right and why.
import { lessons } from '../../engine/scenario/lessons.ts';
import { runTrace } from '../engine-actions.ts';
import { openLessonStep } from '../scene.ts';
import { useAppStore } from '../store/index.ts';

export function LessonPanel() {
  const open = useAppStore((s) => s.lesson);
  const setLesson = useAppStore((s) => s.setLesson);
  const trace = useAppStore((s) => s.trace);
  const step = useAppStore((s) => s.step);
  const loaded = useAppStore((s) => s.load.status === 'ready');
  const lesson = lessons.find((l) => l.id === open?.id);
  if (!open || !lesson) return null;
  const current = lesson.steps[open.step];
  const result = trace.result;
  const seen = trace.status === 'ready' && result?.ok === true && step >= result.events.length - 1;
  const right = open.prediction === current.answer;
  return (
    <section className="lesson" aria-label={`Lesson: ${lesson.title}`} data-testid="lesson">
      <header>
        <h2>
          Lesson: {lesson.title} — step {open.step + 1} of {lesson.steps.length}
        </h2>
        <button onClick={() => setLesson(undefined)} aria-label="Close the lesson">
          ✕
        </button>
      </header>
      {open.step === 0 && <p className="muted">{lesson.summary}</p>}
      <p className="question">{current.question}</p>
      <fieldset className="choices" disabled={trace.status === 'tracing'}>
        <legend>Your prediction</legend>
        {current.choices.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="prediction"
              checked={open.prediction === choice}
              onChange={() => setLesson({ ...open, prediction: choice })}
            />{' '}
            {choice}
          </label>
        ))}
      </fieldset>
      <div className="lesson-actions">
        <button
          disabled={!open.prediction || !loaded || trace.status === 'tracing'}
          onClick={() => void runTrace()}
          data-testid="lesson-show"
        >
          Trace it ▶
        </button>
        <button disabled={open.step === 0} onClick={() => openLessonStep(lesson.id, open.step - 1)}>
          ◀ Previous
        </button>
        <button
          disabled={open.step >= lesson.steps.length - 1}
          onClick={() => openLessonStep(lesson.id, open.step + 1)}
          data-testid="lesson-next"
        >
          Next step ▶
        </button>
      </div>
      {seen && open.prediction && (
        <div className={`verdict ${right ? 'right' : 'wrong'}`} data-testid="lesson-verdict" data-right={right}>
          <strong>{right ? 'Right.' : `Not quite: the answer is “${current.answer}”.`}</strong> {current.explanation}
        </div>
      )}
    </section>
  );
}
