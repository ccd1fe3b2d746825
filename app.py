"""Afterword's Streamlit app: `streamlit run app.py`. View only; the work is in the package."""

import streamlit as st

from afterword.ui.applications import applications_tab
from afterword.ui.chat import chat_tab
from afterword.ui.check import check_tab
from afterword.ui.history import history_tab
from afterword.ui.session import save as save_workspace
from afterword.ui.sidebar import sidebar
from afterword.ui.tabs import offer_tab, other_tab

st.set_page_config(page_title="Afterword", page_icon="✉️", layout="centered")
st.title("Afterword")
st.caption("The letters you owe after an interview, drafted and checked before you see them.")

profile = sidebar()
chat, offer, other, checker, apps, history = st.tabs(
    [
        "Thank-you notes",
        "Answer an offer",
        "Other letters",
        "Check my letter",
        "Applications",
        "History & plan",
    ]
)
with chat:
    chat_tab(profile)
with offer:
    offer_tab(profile)
with other:
    other_tab(profile)
with checker:
    check_tab(profile)
with apps:
    applications_tab()
with history:
    history_tab()
save_workspace()  # once per run, after every tab has read its widgets
