"""The permit officers' inbox: list, detail, actions, export, counter service, reports."""
