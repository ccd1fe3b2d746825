"""Afterword's Streamlit app (the full app arrives with its own issue)."""

import streamlit as st

st.set_page_config(page_title="Afterword", page_icon="✉️")
st.title("Afterword")
st.write("The app is coming. Meanwhile, use the `afterword` command: `afterword draft FACTS`.")
