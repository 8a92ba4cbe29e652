"""The drafting wizard: step classes (`steps`), their forms (`forms`), and the flow they
share (`flow`). The views in `ordinances.views.wizard` only dispatch."""

from ordinances.wizard.steps import STEP_SLUGS, STEPS, Step, neighbours, step_by_slug

__all__ = ["STEPS", "STEP_SLUGS", "Step", "neighbours", "step_by_slug"]
