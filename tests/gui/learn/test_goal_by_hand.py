"""A goal is met when the learner does what the step says by hand, not only by Show me.

(The page used to count as ready only while its settings equalled the step's own, so
the very change a step asked for — a higher learning rate — kept its goal unchecked.)
"""

from PySide6.QtCore import Qt


def test_lesson_one_goal_met_by_raising_the_rate_and_training(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    panel = window.learn.panel
    qtbot.waitUntil(panel.isVisible, timeout=5000)
    first = panel.lesson_list.item(0)
    panel.lesson_list.scrollToItem(first)  # as the learner scrolls up
    qtbot.mouseClick(panel.lesson_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.lesson_list.visualItemRect(first).center())
    assert panel.lesson.id == "a-neuron"
    next_button = panel.next
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)   # to step 2: raise the rate
    qtbot.waitUntil(lambda: panel.index == 1, timeout=5000)
    page = window.playground
    rate = page.controls.learning_rate
    rate.setFocus()
    qtbot.keyClick(rate, Qt.Key.Key_End)                      # the largest rate in the box
    qtbot.waitUntil(lambda: page.snapshot.config.learning_rate >= 0.01, timeout=10_000)
    rate.setCurrentIndex(rate.findData(0.1))                    # then a sensible one
    rate.activated.emit(rate.currentIndex())
    qtbot.mouseClick(page.controls.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.goal_met, timeout=30_000)
    assert panel.goal.text().startswith("✓")
