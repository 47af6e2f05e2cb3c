#pragma once

namespace galley {

class MainWindow;

/// Test hook for the kill drill (tests/drills/) and its CTest version; Galley itself never uses it.
///
/// With GALLEY_TEST_TYPE_TEXT naming a UTF-8 text file, types that text into the body editor of
/// @p window once the event loop runs: one character every GALLEY_TEST_TYPE_INTERVAL_MS
/// milliseconds (default 60), as key press and release events sent to the body editor the way a
/// keyboard's would be ("\n" is the Return key). After each key it appends
/// "<milliseconds since the epoch> <characters typed so far>\n" to the file GALLEY_TEST_TYPE_LOG,
/// unbuffered, so a process killed at any moment leaves an exact record of what it had typed.
/// Does nothing when GALLEY_TEST_TYPE_TEXT is not set.
void startTestTypistFromEnvironment(MainWindow &window);

} // namespace galley
