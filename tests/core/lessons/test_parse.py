"""Lesson files: a good one loads; hostile ones are refused with file:line: reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import run
from core.lessons import (
    AnswerRecord,
    answers_csv,
    check_lesson_file,
    fill,
    load_course,
    parse_lesson,
    read_answers_csv,
)
from core.lessons.parse import MAX_FILE_BYTES, MAX_STEPS, LessonError
from core.lessons.text import TemplateError, placeholders

GOOD = """\
id = "tiny"
title.en = "Tiny"
title.zh = "小"
concepts = ["neuron"]

[[steps]]
page = "playground"
settings = { dataset = "xor", hidden = [3], learning_rate = 0.1 }
text.en = "Loss {train_loss:.3f}"
text.zh = "损失 {train_loss:.3f}"

[steps.prediction]
question.en = "Q?"
question.zh = "问？"
explanation.en = "Because."
explanation.zh = "因为。"

[[steps.prediction.choices]]
en = "yes"
zh = "是"
correct = true

[[steps.prediction.choices]]
en = "no"
zh = "否"

[[steps]]
settings = { learning_rate = 0.3 }
text.en = "Go"
text.zh = "走"
goal = "test_accuracy >= 0.9"
hint.en = "Train."
hint.zh = "训练。"

[steps.solution]
actions = ["train"]
train_seconds = 3

[[steps]]
keep = true
text.en = "Done"
text.zh = "完成"
"""


def refused(source: str) -> list[str]:
    with pytest.raises(LessonError) as info:
        parse_lesson(source, "t.toml")
    return [str(p) for p in info.value.problems]


def line_of(source: str, text: str) -> int:
    return next(i for i, line in enumerate(source.splitlines(), 1) if text in line)


def test_a_good_lesson_loads_with_its_setup():
    lesson = parse_lesson(GOOD, "t.toml")
    assert [s.page for s in lesson.steps] == ["playground"] * 3
    assert lesson.steps[0].prediction.correct_index == 0
    setup = lesson.setup(2)       # keep: the setup of step 1, which adds to step 0's
    assert setup.settings == {"dataset": "xor", "hidden": (3,), "learning_rate": 0.3}
    assert lesson.steps[1].goal({"test_accuracy": 0.95}) is True
    assert lesson.steps[1].solution.train_seconds == 3.0
    headers = [i for i, line in enumerate(GOOD.splitlines(), 1) if line == "[[steps]]"]
    assert [step.line for step in lesson.steps] == headers


@pytest.mark.parametrize(
    ("old", "new", "at", "reason"),
    [
        ("hidden = [3]", "hiden = [3]", "hiden", "unknown setting 'hiden' on page playground "
                                                 "(did you mean 'hidden'?)"),
        ("learning_rate = 0.3", "learning_rate = -5", "learning_rate = -5", "learning_rate"),
        ("hidden = [3]", "hidden = [3000]", "hidden = [3000]", "hidden"),
        ('dataset = "xor"', 'dataset = "snake"', "snake", "dataset"),
        ('page = "playground"', 'page = "kitchen"', "kitchen", "unknown page 'kitchen'"),
        ("test_accuracy >= 0.9", "test_acc >= 0.9", "test_acc", "goal: unknown name 'test_acc'"),
        ("test_accuracy >= 0.9", "(" * 45 + "step" + ")" * 45 + " > 1", "goal",
         "nested too deeply"),
        ("test_accuracy >= 0.9", "__import__('os').system('x') == 0", "goal", "not allowed"),
        ('text.zh = "走"', 'text.zh = ""', 'text.zh = ""', "text.zh is missing or empty"),
        ("{train_loss:.3f}\"\ntext.zh", "{train_loss.__class__}\"\ntext.zh", "__class__",
         "is not {name}"),
        ("{train_loss:.3f}\"\ntext.zh", "{secret}\"\ntext.zh", "{secret}", "not a value"),
        ("correct = true", "correct = false", "[[steps.prediction.choices]]",
         "exactly one choice"),
        ('actions = ["train"]', 'actions = ["fly"]', "actions", "actions on page playground"),
        ("train_seconds = 3", "train_seconds = 3600", "train_seconds", "train_seconds must be"),
        ('id = "tiny"', 'id = "Tiny Lesson!"', "id =", "id must be"),
        ('concepts = ["neuron"]', 'concepts = ["astrology"]', "concepts", "concepts must"),
        ("hint.en", "hnt.en", "hnt.en", "unknown key 'hnt': did you mean 'hint'?"),
        ("[steps.solution]\n", "[steps.answer]\n", "[steps.answer]", "unknown key 'answer'"),
        ('text.en = "Done"', 'goal = "step > 1"\ntext.en = "Done"', 'goal = "step > 1"',
         "keep = true has no goal"),
    ],
)
def test_hostile_lessons_are_refused_with_line_and_reason(old, new, at, reason):
    assert old in GOOD
    source = GOOD.replace(old, new, 1)
    problems = refused(source)
    line = line_of(source, at)
    assert any(p.startswith(f"t.toml:{line}: ") and reason in p for p in problems), problems


def test_bad_toml_reports_the_parsers_line():
    source = GOOD.replace('text.en = "Go"', 'text.en = "Go', 1)
    [problem] = refused(source)
    line = line_of(source, 'text.en = "Go')
    assert problem.startswith(f"t.toml:{line}: not valid TOML")


def test_deeply_nested_toml_is_refused_not_crashed():
    problems = refused(GOOD + "x = " + "[" * 50_000 + "]" * 50_000 + "\n")
    assert problems[0].startswith("t.toml:1: ")


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.toml"
    path.write_text(GOOD + "# " + "x" * MAX_FILE_BYTES + "\n")
    [problem] = check_lesson_file(path)
    assert str(problem) == f"{path}:1: the file is larger than {MAX_FILE_BYTES:,} bytes; " \
                           "split the lesson"


def test_too_many_steps_and_binary_files(tmp_path):
    many = GOOD + '\n[[steps]]\nkeep = true\ntext.en = "x"\ntext.zh = "字"\n' * MAX_STEPS
    assert any(f"at most {MAX_STEPS} steps" in p for p in refused(many))
    binary = tmp_path / "b.toml"
    binary.write_bytes(b'id = "x"\n\xff\xfe')
    assert [str(p) for p in check_lesson_file(binary)] == [f"{binary}:2: not UTF-8 text"]


def test_every_problem_is_reported_at_once():
    source = GOOD.replace("hidden = [3]", "hiden = [3]").replace("train_seconds = 3",
                                                                 "train_seconds = -1")
    assert len(refused(source)) == 2


def test_course_loads_good_files_and_names_the_broken_ones(tmp_path):
    (tmp_path / "01-good.toml").write_text(GOOD)
    (tmp_path / "02-broken.toml").write_text(GOOD.replace('page = "playground"', 'page = "x"'))
    (tmp_path / "03-same-id.toml").write_text(GOOD)
    (tmp_path / "notes.txt").write_text("not a lesson")
    course = load_course(tmp_path)
    assert [lesson.id for lesson in course.lessons] == ["tiny"]
    assert [Path(p.file).name for p in course.problems] == ["02-broken.toml", "03-same-id.toml"]


def test_check_lesson_command(tmp_path, capsys):
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(GOOD)
    bad.write_text(GOOD.replace("learning_rate = 0.3", "learning_rate = 1e99"))
    assert run(["check-lesson", str(good)]) == 0
    assert run(["check-lesson", str(good), str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith(f"{bad}:{line_of(GOOD, 'learning_rate = 0.3')}: ")


def test_check_lesson_runs_headless_without_qt(tmp_path):
    path = tmp_path / "good.toml"
    path.write_text(GOOD)
    code = ("import sys; from core.cli import run; status = run(['check-lesson', sys.argv[1]]);"
            "assert not any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules);"
            "sys.exit(status)")
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=root,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


# -- text placeholders and answers ------------------------------------------------------
def test_placeholders_are_filled_safely():
    values = {"test_accuracy": 0.8734, "step": 12_000, "running": True, "regime": "crawling"}
    text = "{test_accuracy:.0%} at {step:,d} {{braces}} {running} {regime} {unknown}"
    assert fill(text, values) == "87% at 12,000 {braces} true crawling ?"
    for bad in ("{x.__class__}", "{x[0]}", "{x!r}", "{x:{y}}", "open {"):
        with pytest.raises(TemplateError):
            list(placeholders(bad))


def test_answers_round_trip_through_csv():
    records = [AnswerRecord("one-line", 1, 2, False, "2026-01-01T10:00:00+00:00"),
               AnswerRecord.now("neuron", 3, 1, True)]
    text = answers_csv(records)
    assert text.splitlines()[:2] == ["lesson,step,answer,correct,time",
                                     "one-line,1,2,no,2026-01-01T10:00:00+00:00"]
    assert read_answers_csv(text) == records
    with pytest.raises(ValueError, match="row 2"):
        read_answers_csv("lesson,step,answer,correct,time\nx,1,2,maybe,t\n")


def test_settings_accumulate_only_over_consecutive_steps_on_one_page():
    source = GOOD.replace('[[steps]]\nkeep = true\ntext.en = "Done"',
                          '[[steps]]\npage = "descent"\nsettings = { curve = "absolute" }\n'
                          'text.en = "Walk"\ntext.zh = "走"\n\n'
                          '[[steps]]\npage = "playground"\nsettings = { l2 = 0.01 }\n'
                          'text.en = "Done"')
    lesson = parse_lesson(source, "t.toml")
    assert [s.page for s in lesson.steps] == ["playground", "playground", "descent", "playground"]
    assert lesson.setup(2).settings == {"curve": "absolute"}
    assert lesson.setup(3).settings == {"l2": 0.01}    # the page was left: a fresh start
    assert lesson.setup(1).settings["learning_rate"] == 0.3
