"""Events and statements: PLOVER-coded events with direction, date and place, and who said what."""
